import { answeredWithin, waitFor } from './wait';

describe('waitFor', () => {
  it('resolves with the first truthy value', async () => {
    let calls = 0;
    await expect(waitFor(() => (++calls >= 3 ? calls : null), { intervalMs: 1 })).resolves.toBe(3);
  });

  it('times out naming what it waited for and the last error', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('still down');
        },
        { timeoutMs: 30, intervalMs: 5, description: 'nats' },
      ),
    ).rejects.toThrow('Timed out waiting for nats (last error: still down)');
  });
});

describe('answeredWithin', () => {
  it('resolves with what the operation answers in time', async () => {
    await expect(answeredWithin(Promise.resolve(7), 1_000, 'the server')).resolves.toBe(7);
  });

  it('rejects naming the operation when it never answers', async () => {
    await expect(answeredWithin(new Promise<never>(() => undefined), 20, 'the server')).rejects.toThrow(
      'the server did not answer in 20 ms',
    );
  });
});
