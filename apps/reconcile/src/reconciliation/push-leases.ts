import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditInput } from '../audit/audit.service';
import { MOVED, retriedWhileMoved } from './moved-retry';
import { RowChanges } from './row-changes';
import { isPushed, type RowDoc, RowRepository } from './row.repository';

const ATTEMPTS = 10;

type Changes = Partial<Omit<RowDoc, '_id' | 'revision' | 'changeIds'>>;

// What a push's settle writes: the row's new fields and the audit entries that go with them.
export interface Outcome {
  changes: Changes;
  audits: AuditInput[];
}

// A row's lease for one push (#18). Taking it is a new revision, so a recompute that read the row before cannot
// reopen it under the push, and a new token, which only that push's settle and release carry: once the lease has
// passed to another push, or a decision or a reopen cleared it, what a late push writes is refused.
@Injectable()
export class PushLeases {
  constructor(
    private readonly rows: RowRepository,
    private readonly rowChanges: RowChanges,
  ) {}

  // The approved row, leased until `until`; null when it is not approved or another push holds it.
  async take(id: string, now: Date, until: Date): Promise<RowDoc | null> {
    const row = await this.rows.findById(id);
    if (row?.state !== 'approved' || !isPushed(row.connectionKind) || row.pushLeaseUntil.getTime() >= now.getTime()) {
      return null;
    }
    return this.rows.update(id, row.revision, { pushLeaseUntil: until, pushToken: randomUUID() }, ['approved']);
  }

  // Writes the push's outcome with its audit entries (computed from the row as it is now: a recompute may have moved
  // it during the push) and frees the row; null when `leased`'s push no longer holds it, or the row stopped being
  // approved.
  async settle(leased: RowDoc, outcomeOf: (row: RowDoc) => Outcome): Promise<RowDoc | null> {
    const settled = await retriedWhileMoved(ATTEMPTS, async () => {
      const row = await this.held(leased);
      if (row?.state !== 'approved') return null;
      const { changes, audits } = outcomeOf(row);
      const freed = { ...changes, pushLeaseUntil: new Date(0), pushToken: null };
      return (await this.rowChanges.update(row, freed, () => audits, ['approved'])) ?? MOVED;
    });
    if (settled !== MOVED) return settled;
    await this.release(leased);
    return null;
  }

  // Frees the row for the next push, if `leased`'s push still holds it.
  async release(leased: RowDoc): Promise<void> {
    await retriedWhileMoved(ATTEMPTS, async () => {
      const row = await this.held(leased);
      if (!row) return true;
      return (await this.rows.update(row._id, row.revision, { pushLeaseUntil: new Date(0), pushToken: null }))
        ? true
        : MOVED;
    });
  }

  private async held(leased: RowDoc): Promise<RowDoc | null> {
    const row = await this.rows.findById(leased._id);
    return row && row.pushToken === leased.pushToken ? row : null;
  }
}
