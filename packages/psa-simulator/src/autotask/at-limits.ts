const HOUR = 3_600_000;

// Autotask's request budget: so many requests per rolling hour per database, all integrations together (fact
// sheet 3.2). Requests refused for the budget do not count.
export class HourlyWindow {
  private readonly stamps: number[] = [];

  constructor(
    readonly limit: number,
    private readonly clock: () => number = Date.now,
  ) {}

  // 0 when the request is counted; else the whole seconds until the oldest counted request leaves the hour.
  take(): number {
    const now = this.prune();
    if (this.stamps.length < this.limit) {
      this.stamps.push(now);
      return 0;
    }
    const oldest = this.stamps[0] ?? now;
    return Math.max(1, Math.ceil((oldest + HOUR - now) / 1000));
  }

  count(): number {
    this.prune();
    return this.stamps.length;
  }

  private prune(): number {
    const now = this.clock();
    while (this.stamps.length > 0 && (this.stamps[0] ?? now) <= now - HOUR) this.stamps.shift();
    return now;
  }
}

// At most `max` requests at once per endpoint (entity) per integration code (fact sheet 3.2: 3 threads); the next
// one is refused, not queued.
export class ThreadGate {
  private readonly busy = new Map<string, number>();

  constructor(readonly max: number) {}

  enter(key: string): boolean {
    const now = this.busy.get(key) ?? 0;
    if (now >= this.max) return false;
    this.busy.set(key, now + 1);
    return true;
  }

  leave(key: string): void {
    const now = (this.busy.get(key) ?? 1) - 1;
    if (now <= 0) this.busy.delete(key);
    else this.busy.set(key, now);
  }

  inFlight(key: string): number {
    return this.busy.get(key) ?? 0;
  }
}
