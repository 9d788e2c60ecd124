import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { LOGGER } from '@seatwise/platform/tokens';
import type { Logger } from '@seatwise/shared/logging/logger';
import { type AuditInput, AuditService } from '../audit/audit.service';
import { newId } from '../db/ids';
import type { OutboxDoc } from './row-outbox.repository';
import { RowOutboxRepository } from './row-outbox.repository';
import { RowEvents } from './row-events';
import { type RowDoc, RowRepository, type RowState } from './row.repository';

// How many of a row's last change ids it keeps: an outbox entry is settled within seconds, so far fewer changes of
// one row come between its writing and its sweep.
const KEPT_CHANGE_IDS = 10;

type Changes = Partial<Omit<RowDoc, '_id' | 'revision' | 'changeIds'>>;

// A row change, its audit entries and its event, all or nothing (#18), on servers without transactions too
// (FerretDB 1.24): the audit entries are written first to an outbox entry named by a new change id; the row changes
// (a compare-and-set from the revision read) recording that id; then the entries are written and the event
// published, and the outbox entry removed. A crash or an outage between them leaves the outbox entry, which the
// relay (OutboxRelay) completes once the row shows the change landed, or drops when it did not. Each step is
// idempotent: audit ids are fixed in the entry, and the event's message id is the row's revision.
@Injectable()
export class RowChanges {
  constructor(
    private readonly rows: RowRepository,
    private readonly outbox: RowOutboxRepository,
    private readonly audit: AuditService,
    private readonly events: RowEvents,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // The row after the change, from `row`'s revision (and, if given, states); null when another writer changed it
  // first. `auditsOf` gets the row as it will be.
  async update(
    row: RowDoc,
    changes: Changes,
    auditsOf: (after: RowDoc) => AuditInput[],
    states?: readonly RowState[],
  ): Promise<RowDoc | null> {
    const entry = await this.open(row._id, auditsOf({ ...row, ...changes, revision: row.revision + 1 }));
    const changeIds = [...row.changeIds, entry._id].slice(-KEPT_CHANGE_IDS);
    // A failure here leaves the entry: whether the change landed, the relay reads from the row.
    const after = await this.rows.update(row._id, row.revision, { ...changes, changeIds }, states);
    await this.close(entry, after);
    return after;
  }

  // A new row with its audit entries; false when another writer created it first.
  async insert(doc: RowDoc, audits: AuditInput[]): Promise<boolean> {
    const entry = await this.open(doc._id, audits);
    const inserted = await this.rows.insertNew({ ...doc, changeIds: [entry._id] });
    await this.close(entry, inserted ? { ...doc, changeIds: [entry._id] } : null);
    return inserted;
  }

  // Completes an entry a writer left (crash, outage): announced if its change landed, dropped if not.
  async complete(entry: OutboxDoc): Promise<void> {
    const row = await this.rows.findById(entry.rowId);
    if (row?.changeIds.includes(entry._id)) await this.deliver(entry, row);
    else await this.outbox.remove(entry._id);
  }

  private async open(rowId: string, audits: AuditInput[]): Promise<OutboxDoc> {
    const entry = { _id: newId('chg'), rowId, audits: this.audit.entries(audits), createdAt: this.clock.now() };
    await this.outbox.insert(entry);
    return entry;
  }

  // After the compare-and-set: a change that did not land leaves nothing; one that did is announced now, or by the
  // relay if the database or NATS fails here (the change itself stands).
  private async close(entry: OutboxDoc, after: RowDoc | null): Promise<void> {
    try {
      if (after) await this.deliver(entry, after);
      else await this.outbox.remove(entry._id);
    } catch (error) {
      this.logger.warn({ err: error, row: entry.rowId, change: entry._id }, 'row change left to the outbox relay');
    }
  }

  private async deliver(entry: OutboxDoc, row: RowDoc): Promise<void> {
    await this.audit.writeOnce(entry.audits);
    await this.events.announce(row);
    await this.outbox.remove(entry._id);
  }
}
