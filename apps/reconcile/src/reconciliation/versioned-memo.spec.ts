import { VersionedMemo } from './versioned-memo';

describe('VersionedMemo', () => {
  it('computes once per key and version, sharing the computation between concurrent asks', async () => {
    const memo = new VersionedMemo<number>(10);
    let runs = 0;
    const compute = () => Promise.resolve(++runs);
    expect(await Promise.all([memo.get('all', 1, compute), memo.get('all', 1, compute)])).toEqual([1, 1]);
    expect(await memo.get('all', 1, compute)).toBe(1);
    expect(await memo.get('all', 2, compute)).toBe(2);
    expect(await memo.get('DA1', 2, compute)).toBe(3);
    expect(runs).toBe(3);
  });

  it('forgets a failed computation, and never replaces a newer version with an older one', async () => {
    const memo = new VersionedMemo<string>(10);
    await expect(memo.get('all', 1, () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await memo.get('all', 1, () => Promise.resolve('v1'))).toBe('v1');
    expect(await memo.get('all', 3, () => Promise.resolve('v3'))).toBe('v3');
    expect(await memo.get('all', 2, () => Promise.resolve('v2, read late'))).toBe('v2, read late');
    expect(await memo.get('all', 3, () => Promise.resolve('recomputed'))).toBe('v3');
  });

  it('keeps at most `capacity` keys, dropping the least recently computed', async () => {
    const memo = new VersionedMemo<string>(2);
    await memo.get('a', 1, () => Promise.resolve('a1'));
    await memo.get('b', 1, () => Promise.resolve('b1'));
    await memo.get('c', 1, () => Promise.resolve('c1'));
    expect(await memo.get('b', 1, () => Promise.resolve('again'))).toBe('b1');
    expect(await memo.get('a', 1, () => Promise.resolve('a again'))).toBe('a again');
  });
});
