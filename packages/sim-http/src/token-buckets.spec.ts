import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  it('allows the per-minute budget as a burst, then refills it continuously, per key', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    expect([buckets.take('A', 2), buckets.take('A', 2), buckets.take('A', 2)]).toEqual([0, 0, 30]);
    expect(buckets.take('B', 2)).toBe(0);
    now += 30_000;
    expect([buckets.take('A', 2), buckets.take('A', 2)]).toEqual([0, 30]);
  });

  it('names the whole seconds until the next token, at least one', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    buckets.take('A', 60);
    for (let i = 0; i < 59; i++) buckets.take('A', 60);
    expect(buckets.take('A', 60)).toBe(1);
    now += 500;
    expect(buckets.take('A', 60)).toBe(1);
  });

  it('starts every bucket full again once cleared', () => {
    const buckets = new TokenBuckets(() => 0);
    buckets.take('A', 1);
    expect(buckets.take('A', 1)).toBeGreaterThan(0);
    buckets.clear();
    expect(buckets.take('A', 1)).toBe(0);
  });
});
