import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import type { Lease, LeaseState } from '@seatwise/platform/db/lease-table';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import { LOGGER, SERVICE_INFO } from '@seatwise/platform/tokens';
import type { Logger } from '@seatwise/shared/logging/logger';
import { IngestLeaseTable } from './ingest-lease-table';
import { isLive, MEMBER_PREFIX, planLeases } from '@seatwise/platform/db/lease-plan';
import { OWNERSHIP_OPTIONS, type OwnershipOptions } from './ownership-options';
import { PARTITION_PREFIX, partitionLeaseId, partitionOf } from './partitions';

// What a partition's work runs with: the lease's holder and fencing token (recorded on the batches it journals).
export interface Holder {
  partition: number;
  owner: string;
  token: number;
}

// Thrown when a partition's work starts or writes without its lease: the work is handed back and, if it was a
// batch, left unfinished for the partition's holder to finish.
export class NotOwnerError extends Error {
  constructor(partition: number) {
    super(`partition ${partition} is not held by this replica`);
  }
}

type AcquiredListener = (partition: number) => void;

// This replica's share of the account partitions (#18). A round every third of a lease term renews what it holds,
// takes what is free or expired up to its fair share and hands its excess to replicas with less; a membership lease
// tells the others how many share the work. Work on a partition runs one task at a time (`run`), and a partition is
// released only between tasks, so what a replica writes for an account never overlaps another replica's writes for
// it. A lease counts as held until a tenth of a term before its expiry: a replica stalled past that stops writing
// before another may take over.
@Injectable()
export class IngestOwnership implements BeforeApplicationShutdown {
  private readonly held = new Map<number, Lease>();
  private readonly releasing = new Set<number>();
  private readonly serial = new KeyedSerializer();
  private readonly listeners = new Set<AcquiredListener>();
  private states: readonly LeaseState[] = [];
  private member: Lease | null = null;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private joined = false;

  constructor(
    private readonly table: IngestLeaseTable,
    private readonly clock: Clock,
    @Inject(OWNERSHIP_OPTIONS) readonly options: OwnershipOptions,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get instanceId(): string {
    return this.info.instanceId;
  }

  partitionOf(accountId: string): number {
    return partitionOf(accountId, this.options.partitions);
  }

  // Called with each partition this replica takes (a new token): what its previous holder left is to be finished.
  onAcquired(listener: AcquiredListener): void {
    this.listeners.add(listener);
  }

  // The first round, then one every third of a term.
  async join(): Promise<void> {
    this.joined = true;
    await this.runRound().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'first ownership round failed; retried');
    });
    this.schedule(this.options.leaseMs / 3);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.leave();
  }

  // A clean stop hands every partition over at once instead of after its expiry (after the work in hand).
  async leave(): Promise<void> {
    this.joined = false;
    if (this.timer) clearTimeout(this.timer);
    // No new work from now on; the tasks in hand finish before their partitions are released.
    for (const partition of this.held.keys()) this.releasing.add(partition);
    await this.round;
    await Promise.allSettled([...this.held.keys()].map((p) => this.release(p)));
    if (this.member) await this.table.release(this.member).catch(() => undefined);
    this.member = null;
  }

  // Whether new work on the partition may start here.
  holds(partition: number): boolean {
    return !this.releasing.has(partition) && this.valid(partition);
  }

  holdsAll(): boolean {
    for (let p = 0; p < this.options.partitions; p++) if (!this.holds(p)) return false;
    return true;
  }

  heldPartitions(): number[] {
    return [...this.held.keys()].filter((p) => this.holds(p)).sort((a, b) => a - b);
  }

  // Whether work begun under `holder` may still write: the same lease, not near its expiry.
  assertHolds(holder: Holder): void {
    const lease = this.held.get(holder.partition);
    if (!lease || lease.token !== holder.token || !this.valid(holder.partition)) {
      throw new NotOwnerError(holder.partition);
    }
  }

  // Runs a partition's task after the tasks before it, while this replica holds the partition.
  // Checked when asked (no wait behind a release) and again when its turn comes.
  run<T>(partition: number, task: (holder: Holder) => Promise<T>): Promise<T> {
    if (!this.holds(partition)) return Promise.reject(new NotOwnerError(partition));
    return this.serial.run(String(partition), () => {
      const lease = this.held.get(partition);
      if (!lease || !this.holds(partition)) throw new NotOwnerError(partition);
      return task({ partition, owner: lease.owner, token: lease.token });
    });
  }

  // A message of a partition no live replica holds came in: take it at the next round rather than in a third of a
  // term (its messages are handed back meanwhile).
  noticeUnowned(partition: number): void {
    const state = this.states.find((s) => s.id === partitionLeaseId(partition));
    if (this.joined && (!state || !isLive(state, this.clock.now()))) this.schedule(0);
  }

  private valid(partition: number): boolean {
    const lease = this.held.get(partition);
    return lease !== undefined && this.clock.nowMs() < lease.expiresAt.getTime() - this.options.leaseMs / 10;
  }

  private runRound(): Promise<void> {
    this.round ??= this.doRound().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private schedule(delayMs: number): void {
    if (!this.joined) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.runRound()
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'ownership round failed; held partitions count until they expire');
        })
        .finally(() => {
          this.schedule(this.options.leaseMs / 3);
        });
    }, delayMs);
  }

  // Renewals first: a release waits for the partition's task in hand, and must not hold up the other renewals.
  private async doRound(): Promise<void> {
    const ttl = this.options.leaseMs;
    const now = this.clock.now();
    this.member = await this.table.acquire(`${MEMBER_PREFIX}${this.info.instanceId}`, this.info.instanceId, ttl, now);
    this.states = await this.table.all();
    const plan = planLeases({
      me: this.info.instanceId,
      now,
      wanted: new Set(Array.from({ length: this.options.partitions }, (_, p) => partitionLeaseId(p))),
      held: new Set([...this.held.keys()].map(partitionLeaseId)),
      states: this.states,
    });
    await Promise.all(plan.renew.map((id) => this.renew(partitionNumber(id), now)));
    await Promise.all(plan.acquire.map((id) => this.acquire(partitionNumber(id), now)));
    await Promise.all(plan.release.map((id) => this.release(partitionNumber(id))));
  }

  private async renew(partition: number, now: Date): Promise<void> {
    const lease = this.held.get(partition);
    if (!lease) return;
    const renewed = await this.table.renew(lease, this.options.leaseMs, now);
    if (renewed) this.held.set(partition, renewed);
    else {
      this.held.delete(partition);
      this.logger.warn({ partition, token: lease.token }, 'partition lost to another replica');
    }
  }

  private async acquire(partition: number, now: Date): Promise<void> {
    const lease = await this.table.acquire(
      partitionLeaseId(partition),
      this.info.instanceId,
      this.options.leaseMs,
      now,
    );
    if (!lease) return;
    const before = this.held.get(partition);
    this.held.set(partition, lease);
    if (before?.token !== lease.token) for (const listener of this.listeners) listener(partition);
  }

  // Between two tasks of the partition: no new one starts meanwhile (holds is false), the one in hand finishes.
  private async release(partition: number): Promise<void> {
    this.releasing.add(partition);
    try {
      await this.serial.run(String(partition), async () => {
        const lease = this.held.get(partition);
        this.held.delete(partition);
        if (lease) await this.table.release(lease);
      });
    } finally {
      this.releasing.delete(partition);
    }
  }
}

function partitionNumber(leaseId: string): number {
  return Number(leaseId.slice(PARTITION_PREFIX.length));
}
