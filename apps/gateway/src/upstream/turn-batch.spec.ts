import { TurnBatch } from './turn-batch';

describe('TurnBatch', () => {
  it('starts every call asked for in one turn together, after that turn, and settles each with its own result', async () => {
    const batch = new TurnBatch();
    const started: string[] = [];
    const call = (name: string, fail = false) =>
      batch.run(() => {
        started.push(name);
        return fail ? Promise.reject(new Error(name)) : Promise.resolve(name);
      });
    const a = call('a');
    const b = call('b', true);
    const c = call('c');
    const settled = Promise.allSettled([a, b, c]);
    expect(started).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b', 'c']);
    const [ra, rb, rc] = await settled;
    expect(ra).toEqual({ status: 'fulfilled', value: 'a' });
    expect(rb).toMatchObject({ status: 'rejected', reason: new Error('b') });
    expect(rc).toEqual({ status: 'fulfilled', value: 'c' });
  });

  it('starts the calls of a later turn in a batch of their own', async () => {
    const batch = new TurnBatch();
    await expect(batch.run(() => Promise.resolve(1))).resolves.toBe(1);
    await expect(batch.run(() => Promise.resolve(2))).resolves.toBe(2);
  });

  it('rejects a call whose start throws instead of returning a promise', async () => {
    const batch = new TurnBatch();
    await expect(
      batch.run(() => {
        throw new Error('bad request');
      }),
    ).rejects.toThrow('bad request');
  });
});
