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

// Auth-log batches → inventories, exactly once per (account, txid) without transactions (see
// JournalRepository): journal the new facts, plan every document the batch writes, write them,
// announce, mark the batch applied. recover() finishes whatever a crash or failure left.
// - replace mode: each document is replaced atomically, so a batch cut short is re-planned from its
//   facts; the planner keeps what the batch already wrote (see BatchPlanner).
// - rewrite mode (FerretDB 1.x): documents are deleted and inserted again, so the plan is saved as a
//   redo log first; a batch cut short is finished from the log when it is complete, else re-planned.
@Injectable()
export class AuthIngestService {
  private needsRecovery = true;

  constructor(
    private readonly journal: JournalRepository,
    private readonly planner: BatchPlanner,
    private readonly writer: BatchWriter,
    private readonly announcer: Announcer,
    private readonly rollup: RollupService,
    private readonly usage: UsageAnnouncer,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(events: readonly DuoAuthLogEvent[]): Promise<void> {
    if (this.needsRecovery) await this.recover();
    try {
      const facts = uniqueFacts(events.map(toFact));
      const startedAt = this.clock.now();
      const batch = await this.journal.begin(startedAt);
      const fresh = await this.journal.insertNew(batch, facts);
      await this.apply(batch, startedAt, fresh);
      // Every account of the batch, duplicates included: a redelivery after a failed refresh refreshes again.
      await this.usage.refresh(facts.map((f) => f.accountId));
    } catch (error) {
      // The batch may be half-applied: finish it before the next one.
      this.needsRecovery = true;
      throw error;
    }
  }

  // Finishes every batch a crash or failure left unfinished, oldest first. Returns how many.
  async recover(): Promise<number> {
    const unfinished = await this.journal.unfinished();
    for (const { batch, startedAt, state } of unfinished) {
      if (state === 'redo') await this.finish(batch, startedAt, await this.journal.redoOf(batch));
      else await this.apply(batch, startedAt, await this.journal.factsOf(batch));
    }
    this.needsRecovery = false;
    return unfinished.length;
  }

  private async apply(batch: number, startedAt: Date, facts: readonly AuthFact[]): Promise<void> {
    const t0 = this.clock.nowMs();
    const entries = await this.writer.planAndWrite(async (mode) => {
      const planned = await this.planner.plan(batch, facts);
      if (mode === 'rewrite') await this.journal.saveRedo(batch, planned);
      return planned;
    });
    await this.announce(startedAt, entries);
    await this.journal.finish(batch);
    this.logger.debug(
      { batch, facts: facts.length, documents: entries.length, ms: this.clock.nowMs() - t0 },
      'auth batch applied',
    );
  }

  private async finish(batch: number, startedAt: Date, entries: readonly RedoEntry[]): Promise<void> {
    await this.writer.rewrite(entries);
    await this.announce(startedAt, entries);
    await this.journal.finish(batch);
  }

  // Before the batch is marked applied, so a crash repeats it (both steps are idempotent).
  private async announce(at: Date, entries: readonly RedoEntry[]): Promise<void> {
    const services = entries.flatMap((e) => (e.coll === 'services' && e.created ? [e.doc] : []));
    const users = entries.flatMap((e) => (e.coll === 'users' && e.created ? [e.doc] : []));
    await this.rollup.refresh(entries.flatMap((e) => (e.coll === 'services' ? [e.doc.groupKey] : [])));
    await this.announcer.announceBatch(at, services, users);
  }
}
