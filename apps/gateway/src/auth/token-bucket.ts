// Token buckets per key, in memory. Several gateway replicas keep one limit between them by deducting what the
// others spent (RateLimitShare), so no request waits on a shared store.
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
    const bucket = this.refilled(key, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.secondsUntilToken(bucket.tokens);
  }

  // Removes tokens another replica spent. The balance may go below zero: those requests were let through, so the
  // debt is repaid before this replica allows more (clamping at zero would forgive it, and N replicas that each
  // spend their refill before hearing of the others' would again allow N times the rate). The debt is bounded
  // by what the other replicas let through, which their own buckets limit.
  deduct(key: string, tokens: number, nowMs: number): void {
    this.refilled(key, nowMs).tokens -= tokens;
  }

  // The seconds until a token is available (0: one is), taking none.
  wait(key: string, nowMs: number): number {
    const bucket = this.refilled(key, nowMs);
    return bucket.tokens >= 1 ? 0 : this.secondsUntilToken(bucket.tokens);
  }

  private refilled(key: string, nowMs: number): { tokens: number; at: number } {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (nowMs - bucket.at) * this.perMs);
    bucket.at = nowMs;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= this.maxKeys) this.buckets.clear();
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private secondsUntilToken(tokens: number): number {
    return Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1_000));
  }
}
