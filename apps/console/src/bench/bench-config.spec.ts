import { benchConfig, median } from './bench-config';

describe('benchConfig', () => {
  it('defaults to the 10,000 rows the issue asks for', () => {
    expect(benchConfig({}).rows).toBe(10_000);
  });

  it('takes whole numbers in range and names the key of a bad one', () => {
    expect(benchConfig({ BENCH_CONSOLE_ROWS: '500' }).rows).toBe(500);
    expect(() => benchConfig({ BENCH_CONSOLE_ROWS: '30000' })).toThrow('BENCH_CONSOLE_ROWS=30000');
    expect(() => benchConfig({ BENCH_CONSOLE_API_RUNS: '1.5' })).toThrow('BENCH_CONSOLE_API_RUNS=1.5');
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
  });
});
