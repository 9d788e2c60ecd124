import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { LOGGER } from '@seatwise/platform/tokens';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import type { Logger } from '@seatwise/shared/logging/logger';
import { RollupService } from '../../rollup/rollup.service';
import { UsageAnnouncer } from '../../seats/usage-announcer';
import { Announcer } from './announcer';
import { type AuthFact, toFact, uniqueFacts } from './auth-fact';
import { BatchPlanner } from './batch-planner';
import { BatchWriter } from './batch-writer';
import { JournalRepository } from './journal.repository';
import type { RedoEntry } from './redo-entry';
import { type Holder, IngestOwnership } from '../ownership/ingest-ownership';
import { byPartition } from '../ownership/partitions';

// Auth-log batches → inventories, exactly once per (account, txid) without transactions (see
// JournalRepository): journal the new facts, plan every document the batch writes, write them,
// announce (events; the groups marked pending, rebuilt once per fetch), mark the batch applied. recover()
// finishes whatever a crash or failure left.
// - replace mode: each document is replaced atomically, so a batch cut short is re-planned from its
//   facts; the planner keeps what the batch already wrote (see BatchPlanner).
// - rewrite mode (FerretDB 1.x): documents are deleted and inserted again, so the plan is saved as a
//   redo log first; a batch cut short is finished from the log when it is complete, else re-planned.
// Several replicas (#18): the events are split by account partition and each part is a batch of its own, applied
// only by the partition's holder (IngestOwnership), which writes it under the lease it recorded on the batch. A
// partition's unfinished batches are finished by whoever holds the partition before its next batch: a live holder's
// batch is never re-planned by another replica, a dead one's is taken over once its lease expired.
@Injectable()
export class AuthIngestService {
  // Per partition, the lease token under which its unfinished batches were last finished here.
  private readonly recovered = new Map<number, number>();

  constructor(
    private readonly journal: JournalRepository,
    private readonly planner: BatchPlanner,
    private readonly writer: BatchWriter,
    private readonly announcer: Announcer,
    private readonly rollup: RollupService,
    private readonly usage: UsageAnnouncer,
    private readonly ownership: IngestOwnership,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // Throws NotOwnerError for events of a partition this replica does not hold (the consumer handed those back).
  async handle(events: readonly DuoAuthLogEvent[]): Promise<void> {
    const facts = uniqueFacts(events.map(toFact));
    const parts = byPartition(facts, (f) => f.accountId, this.ownership.options.partitions);
    for (const [partition, part] of parts) {
      await this.ownership.run(partition, (holder) => this.handlePart(holder, part));
    }
    await this.rollup.drain();
  }

  // Finishes every unfinished batch of the partitions this replica holds, oldest first. Returns how many.
  async recover(): Promise<number> {
    let count = 0;
    for (const partition of this.ownership.heldPartitions()) count += await this.recoverPartition(partition);
    return count;
  }

  // The partition's unfinished batches, when this replica holds it (0 when it does not).
  async recoverPartition(partition: number): Promise<number> {
    if (!this.ownership.holds(partition)) return 0;
    const count = await this.ownership.run(partition, (holder) => this.recoverHeld(holder));
    await this.rollup.drain();
    return count;
  }

  private async handlePart(holder: Holder, facts: readonly AuthFact[]): Promise<void> {
    await this.recoverHeld(holder);
    try {
      const startedAt = this.clock.now();
      const batch = await this.journal.begin(startedAt, holder);
      const fresh = await this.journal.insertNew(batch, facts);
      await this.apply(holder, batch, startedAt, fresh);
      // Every account of the batch, duplicates included: a redelivery after a failed refresh refreshes again.
      await this.usage.refresh(facts.map((f) => f.accountId));
    } catch (error) {
      // The batch may be half-applied: finish it before the partition's next one.
      this.recovered.delete(holder.partition);
      throw error;
    }
  }

  // Once per lease token: after this replica took the partition, or after one of its batches failed. A batch
  // journaled before partitions (by a single replica) spans accounts of any partition: it is finished only by a
  // replica that holds them all.
  private async recoverHeld(holder: Holder): Promise<number> {
    if (this.recovered.get(holder.partition) === holder.token) return 0;
    const mine = (await this.journal.unfinished()).filter((b) =>
      b.partition === undefined ? this.ownership.holdsAll() : b.partition === holder.partition,
    );
    for (const { batch, startedAt, state, owner, token } of mine) {
      if (owner !== holder.owner || token !== holder.token) {
        this.logger.info({ batch, from: owner, token, partition: holder.partition }, 'taking over an unfinished batch');
        await this.journal.takeOver(batch, holder);
      }
      if (state === 'redo') await this.finish(holder, batch, startedAt, await this.journal.redoOf(batch));
      else await this.apply(holder, batch, startedAt, await this.journal.factsOf(batch));
    }
    this.recovered.set(holder.partition, holder.token);
    return mine.length;
  }

  // The lease is checked again once the plan is made (it read what it overwrites) and before the redo log replays:
  // a replica that lost the partition meanwhile leaves the batch unfinished, for the new holder.
  private async apply(holder: Holder, batch: number, startedAt: Date, facts: readonly AuthFact[]): Promise<void> {
    const t0 = this.clock.nowMs();
    const entries = await this.writer.planAndWrite(async (mode) => {
      const planned = await this.planner.plan(batch, facts);
      this.ownership.assertHolds(holder);
      if (mode === 'rewrite') await this.journal.saveRedo(batch, planned);
      return planned;
    });
    await this.announce(batch, startedAt, entries);
    await this.journal.finish(batch);
    this.logger.debug(
      { batch, facts: facts.length, documents: entries.length, ms: this.clock.nowMs() - t0 },
      'auth batch applied',
    );
  }

  private async finish(holder: Holder, batch: number, startedAt: Date, entries: readonly RedoEntry[]): Promise<void> {
    this.ownership.assertHolds(holder);
    await this.writer.rewrite(entries);
    await this.announce(batch, startedAt, entries);
    await this.journal.finish(batch);
  }
  // Before the batch is marked applied, so a crash repeats it (both steps are idempotent).
  private async announce(batch: number, at: Date, entries: readonly RedoEntry[]): Promise<void> {
    const services = entries.flatMap((e) => (e.coll === 'services' && e.created ? [e.doc] : []));
    const users = entries.flatMap((e) => (e.coll === 'users' && e.created ? [e.doc] : []));
    await this.rollup.mark(
      batch,
      entries.flatMap((e) => (e.coll === 'services' ? [e.doc.groupKey] : [])),
    );
    await this.announcer.announceBatch(at, services, users);
  }
}
