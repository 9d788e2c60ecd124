import { TokenBuckets } from '@seatwise/sim-http/token-buckets';
import type { RateLimits } from '../options';

// One token bucket per API member (public key) with the per-minute budget. CW publishes no algorithm; over
// budget, the caller gets the seconds until the next token, for Retry-After.
export class RateLimiter {
  private limits: RateLimits | false = false;
  private readonly buckets: TokenBuckets;

  constructor(limits: RateLimits | false, clock: () => number = Date.now) {
    this.buckets = new TokenBuckets(clock);
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
    return this.limits === false ? 0 : this.buckets.take(scope, this.limits.perMinute);
  }
}
