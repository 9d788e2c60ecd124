import { Delays } from './delays';

describe('Delays', () => {
  it('releaseAll ends every pending wait at once', async () => {
    const delays = new Delays();
    const started = Date.now();
    const waits = [delays.wait(60_000), delays.wait(60_000)];
    delays.releaseAll();
    await Promise.all(waits);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
