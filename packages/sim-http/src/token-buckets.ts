interface Bucket {
  tokens: number;
  at: number;
}

// Token buckets by key: capacity = the per-minute budget, refilled continuously. Neither Duo nor ConnectWise
// publishes its algorithm; a bucket gives both the per-minute average and a burst.
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: () => number = Date.now) {}

  // Every bucket starts full again (after the budgets changed).
  clear(): void {
    this.buckets.clear();
  }

  // 0 when a token was taken; else the whole seconds until the next one (≥ 1), for a Retry-After.
  take(key: string, perMinute: number): number {
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((now - bucket.at) * perMinute) / 60_000);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / perMinute));
  }
}
