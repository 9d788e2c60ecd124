import { eachConcurrently } from './each-concurrently';

describe('eachConcurrently', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await eachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => setImmediate(resolve));
      done.push(n);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('finishes the other items before it throws the first failure', async () => {
    const done: number[] = [];
    const run = eachConcurrently([1, 2, 3, 4], 2, async (n) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (n === 1) throw new Error('first');
      if (n === 3) throw new Error('second');
      done.push(n);
    });
    await expect(run).rejects.toThrow('first');
    expect(done.sort()).toEqual([2, 4]);
  });

  it('refuses a limit below one', async () => {
    await expect(eachConcurrently([1], 0, () => Promise.resolve())).rejects.toThrow(RangeError);
  });
});
