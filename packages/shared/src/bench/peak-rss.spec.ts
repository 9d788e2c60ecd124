import { peakRssMb } from './peak-rss';

describe('peakRssMb', () => {
  it('reads a live process peak memory, and 0 for one that does not exist', () => {
    const mb = peakRssMb(process.pid);
    expect(mb).toBeGreaterThan(10);
    expect(mb).toBeGreaterThanOrEqual(Math.floor(process.memoryUsage().rss / 1024 / 1024) - 1);
    expect(peakRssMb(2 ** 22 + 7)).toBe(0);
  });
});
