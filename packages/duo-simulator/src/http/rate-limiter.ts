import { DUO_RATE_LIMITS, type RateLimits } from '../options';

export type RateClass = keyof typeof DUO_RATE_LIMITS;

interface Bucket { tokens: number; at: number }

/**
 * Token buckets per (account, endpoint class): capacity = the per-minute budget, refilled continuously. Duo does
 * not publish its algorithm; a bucket gives both the per-minute average and the burst the staff numbers imply.
 * Over budget → the caller answers 429/42901 with no Retry-After, as Duo does.
 */
export class RateLimiter {
  private limits: Required<RateLimits> | false = false;
  private readonly buckets = new Map<string, Bucket>();

  constructor(limits: RateLimits | false, private readonly clock: () => number = Date.now) {
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
    const perMinute = this.limits[rateClass];
    const key = `${scope}\0${rateClass}`;
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((now - bucket.at) * perMinute) / 60_000);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
