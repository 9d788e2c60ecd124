import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows the burst, then one token per refill interval, per key', () => {
    const buckets = new TokenBuckets(60, 2);
    expect(buckets.take('a', 0)).toBe(0);
    expect(buckets.take('a', 0)).toBe(0);
    expect(buckets.take('a', 0)).toBe(1);
    expect(buckets.take('b', 0)).toBe(0);
    expect(buckets.take('a', 1_000)).toBe(0);
    expect(buckets.take('a', 1_000)).toBe(1);
  });

  it('never stores more than the burst', () => {
    const buckets = new TokenBuckets(60, 2);
    buckets.take('a', 0);
    expect([buckets.take('a', 3_600_000), buckets.take('a', 3_600_000), buckets.take('a', 3_600_000)]).toEqual([
      0, 0, 1,
    ]);
  });

  it('says how many seconds until the next token', () => {
    const buckets = new TokenBuckets(1, 1);
    buckets.take('a', 0);
    expect(buckets.take('a', 0)).toBe(60);
  });
});

describe('TokenBuckets.deduct', () => {
  it("removes another replica's tokens, below zero if need be, and the debt is repaid by the refill", () => {
    const buckets = new TokenBuckets(60, 2);
    buckets.deduct('a', 3, 0);
    expect(buckets.take('a', 0)).toBe(2);
    expect(buckets.take('a', 1_000)).toBe(1);
    expect(buckets.take('a', 2_000)).toBe(0);
    // A key this replica has not seen yet starts from the burst.
    buckets.deduct('b', 1, 0);
    expect([buckets.take('b', 0), buckets.take('b', 0)]).toEqual([0, 1]);
  });
});
