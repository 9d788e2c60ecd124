// Token buckets per key, in memory: right for one gateway instance (several instances would each
// allow the full rate; a shared store would be needed then).
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly maxKeys = 100_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  // Takes a token; returns 0 when allowed, else the seconds until one is available.
  take(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (nowMs - bucket.at) * this.perMs);
    bucket.at = nowMs;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= this.maxKeys) this.buckets.clear();
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1_000));
  }
}
