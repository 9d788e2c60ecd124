import { TokenBuckets } from '@seatwise/sim-http/token-buckets';
import { DUO_RATE_LIMITS, type RateClass, type RateLimits } from '../options';

/**
 * A token bucket per (account, endpoint class) with the class's per-minute budget. Duo does not publish its
 * algorithm; a bucket gives both the per-minute average and the burst the staff numbers imply.
 * Over budget → the caller answers 429/42901 with no Retry-After, as Duo does.
 */
export class RateLimiter {
  private limits: Required<RateLimits> | false = false;
  private readonly buckets: TokenBuckets;

  constructor(limits: RateLimits | false, clock: () => number = Date.now) {
    this.buckets = new TokenBuckets(clock);
    this.configure(limits);
  }

  /** Replaces the budgets at runtime (false = unlimited, for throughput runs); buckets restart full. */
  configure(limits: RateLimits | false): void {
    this.limits = limits === false ? false : { ...DUO_RATE_LIMITS, ...limits };
    this.buckets.clear();
  }

  current(): Required<RateLimits> | false {
    return this.limits === false ? false : { ...this.limits };
  }

  /** Takes one request from the bucket; false when the budget is exhausted. */
  take(scope: string, rateClass: RateClass): boolean {
    if (this.limits === false) return true;
    return this.buckets.take(`${scope}\0${rateClass}`, this.limits[rateClass]) === 0;
  }
}
