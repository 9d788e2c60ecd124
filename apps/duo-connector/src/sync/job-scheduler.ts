import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import { Clock } from '@seatwise/platform/clock/clock';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/connector-env';
import { ConnectionStates } from 'mongoose';
import { type EndpointClass, Pacer } from './pacer';

export interface Job {
  id: string;
  // Pacing bucket (an account) and class; null: not a Duo call that needs pacing.
  pace: { account: string; cls: EndpointClass } | null;
  group: string;
  // False while this replica may not run it (another replica holds its lease): it waits, however due.
  ready?: () => boolean;
  // Runs one unit of work; resolves with the delay before the next unit.
  work: () => Promise<number>;
  // Decides the delay after a failure (and records it); `failures` counts consecutive ones.
  onError: (error: unknown, failures: number) => Promise<number>;
}

interface Entry {
  job: Job;
  dueAt: number;
  running: boolean;
  failures: number;
}

const PAUSE_MS = 1_000;
const MAX_BACKOFF_MS = 5 * 60_000;

// A job's delay after its `failures`-th failure in a row: doubling from 1 s up to 5 min, with jitter so
// that jobs failing together (one integration's accounts) do not retry together.
export function failureBackoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(failures - 1, 12)) * (0.5 + Math.random() / 2);
}

// Runs jobs under one global concurrency cap. The due job waiting longest goes first and a job that
// has more to do is simply due again now, so 500 accounts interleave fairly instead of one backfill
// starving the rest. While NATS or MongoDB is down nothing is fetched (no unbounded buffering).
@Injectable()
export class JobScheduler implements BeforeApplicationShutdown {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly pacer: Pacer;
  private timer: NodeJS.Timeout | null = null;
  private active = 0;
  private stopped = false;

  constructor(
    private readonly bus: BusConnection,
    private readonly mongo: MongoConnection,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
  ) {
    this.pacer = new Pacer({ logs: env.CONNECTOR_LOGS_PER_MINUTE, objects: env.CONNECTOR_OBJECTS_PER_MINUTE });
  }

  add(job: Job, delayMs = 0): void {
    const existing = this.entries.get(job.id);
    if (existing) existing.job = job;
    else this.entries.set(job.id, { job, dueAt: this.clock.nowMs() + delayMs, running: false, failures: 0 });
    this.wake();
  }

  removeGroup(group: string): void {
    for (const [id, entry] of this.entries) if (entry.job.group === group) this.entries.delete(id);
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  runNow(id: string): void {
    const entry = this.entries.get(id);
    if (entry) entry.dueAt = this.clock.nowMs();
    this.wake();
  }

  runGroupNow(group: string): void {
    for (const entry of this.entries.values()) if (entry.job.group === group) entry.dueAt = this.clock.nowMs();
    this.wake();
  }

  // Waits for the units in progress (each ends at a checkpoint); no new ones start.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.inflight]);
  }

  // Blocks a multi-page unit (a users snapshot) until its account may call Duo again.
  async paced(account: string, cls: EndpointClass): Promise<void> {
    for (
      let delay = this.pacer.delayMs(account, cls, this.clock.nowMs());
      delay > 0;
      delay = this.pacer.delayMs(account, cls, this.clock.nowMs())
    ) {
      await this.clock.sleep(delay);
    }
    this.pacer.take(account, cls, this.clock.nowMs());
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const now = this.clock.nowMs();
    while (this.active < this.env.CONNECTOR_MAX_CONCURRENCY) {
      const next = this.nextDue(now);
      if (!next) break;
      this.start(next, now);
    }
    const waiting = [...this.entries.values()].filter((e) => !e.running && isReady(e.job));
    const soonest = Math.min(...waiting.map((e) => this.readyAt(e, now)));
    if (Number.isFinite(soonest)) {
      this.timer = setTimeout(
        () => {
          this.wake();
        },
        Math.max(10, Math.min(soonest - now, 60_000)),
      );
    }
  }

  private readyAt(entry: Entry, now: number): number {
    const pace = entry.job.pace;
    return Math.max(entry.dueAt, pace ? now + this.pacer.delayMs(pace.account, pace.cls, now) : now);
  }

  private nextDue(now: number): Entry | null {
    let best: Entry | null = null;
    for (const entry of this.entries.values()) {
      if (entry.running || !isReady(entry.job) || this.readyAt(entry, now) > now) continue;
      if (!best || entry.dueAt < best.dueAt) best = entry;
    }
    return best;
  }

  private start(entry: Entry, now: number): void {
    entry.running = true;
    this.active++;
    if (entry.job.pace) this.pacer.take(entry.job.pace.account, entry.job.pace.cls, now);
    const run = this.run(entry).finally(() => {
      entry.running = false;
      this.active--;
      this.inflight.delete(run);
      this.wake();
    });
    this.inflight.add(run);
  }

  private async run(entry: Entry): Promise<void> {
    if (!this.infrastructureUp()) {
      entry.dueAt = this.clock.nowMs() + PAUSE_MS;
      return;
    }
    try {
      const nextInMs = await entry.job.work();
      entry.failures = 0;
      entry.dueAt = this.clock.nowMs() + nextInMs;
    } catch (error) {
      entry.failures++;
      entry.dueAt = this.clock.nowMs() + (await entry.job.onError(error, entry.failures).catch(() => PAUSE_MS));
    }
  }

  private infrastructureUp(): boolean {
    return this.bus.isConnected() && this.mongo.connection.readyState === ConnectionStates.connected;
  }
}

function isReady(job: Job): boolean {
  return job.ready?.() ?? true;
}
