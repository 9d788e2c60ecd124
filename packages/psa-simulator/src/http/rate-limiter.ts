import type { RateLimits } from '../options';

// One token bucket per API member (public key): capacity = the per-minute budget, refilled continuously. CW
// publishes no algorithm; a bucket gives the per-minute average and a burst. Over budget, the caller gets the
// seconds until the next token, for Retry-After.
export class RateLimiter {
  private limits: RateLimits | false = false;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(limits: RateLimits | false, private readonly clock: () => number = Date.now) {
    this.configure(limits);
  }

  // Replaces the budget at runtime (false = unlimited); buckets restart full.
  configure(limits: RateLimits | false): void {
    this.limits = limits === false ? false : { ...limits };
    this.buckets.clear();
  }

  current(): RateLimits | false {
    return this.limits === false ? false : { ...this.limits };
  }

  // 0 when allowed (a token is taken), else the whole seconds to wait (≥ 1).
  take(scope: string): number {
    if (this.limits === false) return 0;
    const perMinute = this.limits.perMinute;
    const now = this.clock();
    const bucket = this.buckets.get(scope) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((now - bucket.at) * perMinute) / 60_000);
    bucket.at = now;
    this.buckets.set(scope, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / perMinute));
  }
}
