import { MOVED, retriedWhileMoved } from './moved-retry';

describe('retriedWhileMoved', () => {
  it('tries again while overtaken and returns the first settled result', async () => {
    const results: (string | null | typeof MOVED)[] = [MOVED, MOVED, null, 'late'];
    let calls = 0;
    expect(await retriedWhileMoved(5, () => Promise.resolve(results[calls++]!))).toBeNull();
    expect(calls).toBe(3);
  });

  it('gives up after the attempts, saying it was overtaken', async () => {
    let calls = 0;
    const outcome = await retriedWhileMoved(4, () => {
      calls++;
      return Promise.resolve(MOVED);
    });
    expect(outcome).toBe(MOVED);
    expect(calls).toBe(4);
  });
});
