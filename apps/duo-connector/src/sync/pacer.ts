export type EndpointClass = 'logs' | 'objects';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

// Token buckets per account and endpoint class: requests are spaced to stay under Duo's limits
// instead of provoking 429s. Burst is one request, so pacing is even.
export class Pacer {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly perMinute: Record<EndpointClass, number>) {}

  // Milliseconds until a request of this class for this account may go out (0: now).
  delayMs(account: string, cls: EndpointClass, now: number): number {
    const bucket = this.refill(account, cls, now);
    return bucket.tokens >= 1 ? 0 : Math.ceil(((1 - bucket.tokens) * 60_000) / this.perMinute[cls]);
  }

  take(account: string, cls: EndpointClass, now: number): void {
    this.refill(account, cls, now).tokens -= 1;
  }

  private refill(account: string, cls: EndpointClass, now: number): Bucket {
    const key = `${account}|${cls}`;
    const bucket = this.buckets.get(key) ?? { tokens: 1, updatedAt: now };
    bucket.tokens = Math.min(1, bucket.tokens + ((now - bucket.updatedAt) * this.perMinute[cls]) / 60_000);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    return bucket;
  }
}
