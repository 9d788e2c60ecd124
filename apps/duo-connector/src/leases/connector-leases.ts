import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { Lease } from '@seatwise/platform/db/lease-table';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import { APP_ENV, LOGGER, SERVICE_INFO } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/connector-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { ConnectorLeaseTable } from './connector-lease-table';
import { MEMBER_PREFIX, planLeases } from '@seatwise/platform/db/lease-plan';

type UsableListener = (id: string) => void;

const ROUND_CONCURRENCY = 16;

// This replica's share of the polling (#18): it works on an account, or lists an integration's child accounts, only
// while it holds that lease. A round every third of a lease period renews what it holds, hands its excess to replicas
// with less, and takes what is free or expired; it also keeps a membership lease, so the others know how many
// replicas share the work. It counts a lease as held only until a tenth of a period before its expiry: a replica
// stalled past that (a long pause, a lost database) stops before another may take over, and the fencing token it
// writes with refuses what a stalled holder writes late anyway.
@Injectable()
export class ConnectorLeases implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly wanted = new Set<string>();
  private readonly held = new Map<string, Lease>();
  private readonly listeners = new Set<UsableListener>();
  private member: Lease | null = null;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly table: ConnectorLeaseTable,
    private readonly clock: Clock,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  want(id: string): void {
    if (this.wanted.has(id)) return;
    this.wanted.add(id);
    this.schedule(0);
  }

  async unwant(id: string): Promise<void> {
    this.wanted.delete(id);
    await this.release(id);
  }

  holds(id: string): boolean {
    const lease = this.held.get(id);
    return lease !== undefined && this.clock.nowMs() < lease.expiresAt.getTime() - this.env.CONNECTOR_LEASE_MS / 10;
  }

  // The fencing token of a held lease: what the writes it protects carry.
  token(id: string): number | null {
    return this.holds(id) ? (this.held.get(id)?.token ?? null) : null;
  }

  // Called when a lease becomes usable here (taken, or renewed after it had lapsed).
  onUsable(listener: UsableListener): void {
    this.listeners.add(listener);
  }

  // A clean stop hands every lease over at once instead of after its expiry.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
    const held = [...this.held.values()];
    this.held.clear();
    if (this.member) held.push(this.member);
    await Promise.allSettled(held.map((l) => this.table.release(l)));
  }

  // At most one round at a time: a round asked for while one runs waits for that one.
  private async runRound(): Promise<void> {
    this.round ??= this.doRound().finally(() => {
      this.round = null;
    });
    await this.round;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.runRound()
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'lease round failed; held leases count until they expire');
        })
        .finally(() => {
          this.schedule(this.env.CONNECTOR_LEASE_MS / 3);
        });
    }, delayMs);
  }

  private async doRound(): Promise<void> {
    const ttl = this.env.CONNECTOR_LEASE_MS;
    const now = this.clock.now();
    const usable = new Set([...this.held.keys()].filter((id) => this.holds(id)));
    this.member = await this.table.acquire(`${MEMBER_PREFIX}${this.info.instanceId}`, this.info.instanceId, ttl, now);
    const plan = planLeases({
      me: this.info.instanceId,
      now,
      wanted: this.wanted,
      held: new Set(this.held.keys()),
      states: await this.table.all(),
    });
    await inBatches(plan.release, (id) => this.release(id));
    await inBatches(plan.renew, (id) => this.renew(id, now));
    await inBatches(plan.acquire, (id) => this.acquire(id, now));
    // Taken, or renewed after it had lapsed locally: its jobs were waiting for it.
    for (const id of this.held.keys()) if (!usable.has(id) && this.holds(id)) this.notify(id);
  }

  private notify(id: string): void {
    for (const listener of this.listeners) listener(id);
  }

  private async renew(id: string, now: Date): Promise<void> {
    const lease = this.held.get(id);
    if (!lease) return;
    const renewed = await this.table.renew(lease, this.env.CONNECTOR_LEASE_MS, now);
    if (renewed) this.held.set(id, renewed);
    else {
      this.held.delete(id);
      this.logger.warn({ lease: id, token: lease.token }, 'lease lost to another replica');
    }
  }

  private async acquire(id: string, now: Date): Promise<void> {
    const lease = await this.table.acquire(id, this.info.instanceId, this.env.CONNECTOR_LEASE_MS, now);
    if (lease) this.held.set(id, lease);
  }

  private async release(id: string): Promise<void> {
    const lease = this.held.get(id);
    this.held.delete(id);
    if (lease) await this.table.release(lease);
  }
}

// A few hundred accounts' leases renew within a round (a third of a period) without flooding the database.
async function inBatches(ids: readonly string[], run: (id: string) => Promise<void>): Promise<void> {
  for (let i = 0; i < ids.length; i += ROUND_CONCURRENCY) {
    await Promise.all(ids.slice(i, i + ROUND_CONCURRENCY).map(run));
  }
}
