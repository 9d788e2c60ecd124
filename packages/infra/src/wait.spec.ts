import { waitUntil, WaitTimeoutError } from './wait';

describe('waitUntil', () => {
  it('resolves as soon as the probe holds', async () => {
    let calls = 0;
    await waitUntil(() => Promise.resolve(++calls === 3), { timeoutMs: 5_000, intervalMs: 1, what: 'the third call' });
    expect(calls).toBe(3);
  });

  it('throws a WaitTimeoutError naming what it waited for once the deadline has passed', async () => {
    const started = Date.now();
    const waiting = waitUntil(() => Promise.resolve(false), { timeoutMs: 50, intervalMs: 5, what: 'nothing' });
    await expect(waiting).rejects.toThrow(WaitTimeoutError);
    await expect(waiting).rejects.toThrow('waiting for nothing');
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('stops polling once its signal is aborted', async () => {
    const stop = new AbortController();
    let calls = 0;
    const waiting = waitUntil(
      () => {
        calls += 1;
        if (calls === 2) stop.abort(new Error('the process exited'));
        return Promise.resolve(false);
      },
      { timeoutMs: 5_000, intervalMs: 1, what: 'a port', signal: stop.signal },
    );
    await expect(waiting).rejects.toThrow('the process exited');
    expect(calls).toBe(2);
  });
});
