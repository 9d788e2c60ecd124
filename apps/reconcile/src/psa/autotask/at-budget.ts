import { AppError } from '@seatwise/shared/errors/app-error';
import type { PsaUsage } from '../psa-adapter';

const HOUR = 3_600_000;
// Fact sheet 3.2: 3 threads per endpoint per integration; 10,000 requests per hour per database.
export const THREADS_PER_ENDPOINT = 3;
export const DOCUMENTED_HOURLY_LIMIT = 10_000;

// The hourly budget is spent (or Autotask refused a request for its limits): no retry can help for a while, so a
// caller's own retry loop must not spin on it.
export class BudgetSpentError extends AppError {
  constructor(message: string) {
    super('RECONCILE.PSA_UNAVAILABLE', message);
  }
}

interface Reading {
  limit: number;
  count: number;
  at: number;
  // This adapter's requests sent before the reading (which already counts them).
  sentBefore: number;
}

// Autotask's request budget as this adapter sees it: the requests it sent in the last hour, the last
// ThresholdInformation it read (which counts every integration's requests), and a semaphore per endpoint.
export class AtBudget {
  private readonly sent: number[] = [];
  private sentEver = 0;
  private reading: Reading | null = null;
  private readonly busy = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly clock: () => number = Date.now) {}

  record(limit: number, count: number): void {
    this.reading = { limit, count, at: this.clock(), sentBefore: this.sentEver };
  }

  // Requests this hour: the larger of what this adapter sent and the last reading plus what it sent since.
  used(): number {
    const now = this.clock();
    while (this.sent.length > 0 && (this.sent[0] ?? now) <= now - HOUR) this.sent.shift();
    const reading = this.reading !== null && this.reading.at > now - HOUR ? this.reading : null;
    if (reading === null) return this.sent.length;
    return Math.max(this.sent.length, reading.count + this.sentEver - reading.sentBefore);
  }

  limit(): number {
    return this.reading?.limit ?? DOCUMENTED_HOURLY_LIMIT;
  }

  // Refuses before sending once the hour's budget is spent, rather than have Autotask block the database.
  check(): void {
    const [used, limit] = [this.used(), this.limit()];
    if (used >= limit) {
      throw new BudgetSpentError(
        `Autotask's request limit is spent: ${used} of ${limit} requests in the last hour; try again later`,
      );
    }
  }

  count(): void {
    this.sent.push(this.clock());
    this.sentEver += 1;
  }

  // Waits for one of the endpoint's threads; the returned function frees it.
  async acquire(endpoint: string): Promise<() => void> {
    if ((this.busy.get(endpoint) ?? 0) >= THREADS_PER_ENDPOINT) {
      await new Promise<void>((resolve) => {
        this.waiting.set(endpoint, [...(this.waiting.get(endpoint) ?? []), resolve]);
      });
    } else {
      this.busy.set(endpoint, (this.busy.get(endpoint) ?? 0) + 1);
    }
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      this.release(endpoint);
    };
  }

  // A waiter takes the freed thread over (the count stays), so the order is first come, first served.
  private release(endpoint: string): void {
    const [next, ...rest] = this.waiting.get(endpoint) ?? [];
    if (next) {
      this.waiting.set(endpoint, rest);
      next();
      return;
    }
    const now = (this.busy.get(endpoint) ?? 1) - 1;
    if (now <= 0) this.busy.delete(endpoint);
    else this.busy.set(endpoint, now);
  }

  // inFlight/maxInFlight are per endpoint (Autotask's limit is): the busiest endpoint's requests now, of 3.
  usage(): PsaUsage {
    return {
      requestsThisHour: this.used(),
      hourlyLimit: this.reading?.limit ?? null,
      inFlight: Math.max(0, ...this.busy.values()),
      maxInFlight: THREADS_PER_ENDPOINT,
    };
  }
}
