import { VersionedMemo } from './versioned-memo';

describe('VersionedMemo', () => {
  it('computes once per key and token, sharing the computation between concurrent asks', async () => {
    const memo = new VersionedMemo<number>(10);
    let runs = 0;
    const compute = () => Promise.resolve(++runs);
    expect(await Promise.all([memo.get('all', 't1', compute), memo.get('all', 't1', compute)])).toEqual([1, 1]);
    expect(await memo.get('all', 't1', compute)).toBe(1);
    expect(await memo.get('all', 't2', compute)).toBe(2);
    expect(await memo.get('DA1', 't2', compute)).toBe(3);
    expect(runs).toBe(3);
  });

  it('forgets a failed computation', async () => {
    const memo = new VersionedMemo<string>(10);
    await expect(memo.get('all', 't1', () => Promise.reject(new Error('database down')))).rejects.toThrow(
      'database down',
    );
    expect(await memo.get('all', 't1', () => Promise.resolve('v1'))).toBe('v1');
  });

  it('keeps nothing without a token: the version of the data is not known', async () => {
    const memo = new VersionedMemo<string>(10);
    expect(await memo.get('all', null, () => Promise.resolve('first'))).toBe('first');
    expect(await memo.get('all', null, () => Promise.resolve('second'))).toBe('second');
  });

  it('keeps at most `capacity` keys, dropping the least recently computed', async () => {
    const memo = new VersionedMemo<string>(2);
    await memo.get('a', 't', () => Promise.resolve('a1'));
    await memo.get('b', 't', () => Promise.resolve('b1'));
    await memo.get('c', 't', () => Promise.resolve('c1'));
    expect(await memo.get('b', 't', () => Promise.resolve('again'))).toBe('b1');
    expect(await memo.get('a', 't', () => Promise.resolve('a again'))).toBe('a again');
  });
});
