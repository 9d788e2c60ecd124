import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { ReconciliationRowView } from '@seatwise/shared/contracts/reconcile-views';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { AuditInput } from '../audit/audit.service';
import { MOVED, retriedWhileMoved } from './moved-retry';
import { RowChanges } from './row-changes';
import { RowViewer } from './row-viewer';
import { type RowDoc, RowRepository } from './row.repository';

const DAY_MS = 86_400_000;
const ATTEMPTS = 5;

// What a reviewer keeps on a row without deciding it: a note, and muting it for some days. Each is audited and
// announced; a concurrent change of the row is retried from its new revision.
@Injectable()
export class RowNotesService {
  constructor(
    private readonly rows: RowRepository,
    private readonly viewer: RowViewer,
    private readonly rowChanges: RowChanges,
    private readonly clock: Clock,
  ) {}

  async note(request: { id: string; note: string; actor: string }): Promise<ReconciliationRowView> {
    const note = request.note === '' ? null : request.note;
    const row = await this.change(request.id, { note }, (current) => ({
      actor: request.actor,
      action: 'row.note',
      targetKind: 'row',
      targetId: current._id,
      accountId: current.accountId,
      note,
    }));
    return this.viewer.view(row);
  }

  // All or nothing: every id must exist before any row is muted.
  async mute(request: { ids: string[]; days: number; note?: string | undefined; actor: string }) {
    const ids = [...new Set(request.ids)];
    const found = new Set((await this.rows.byIds(ids)).map((r) => r._id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppError('RECONCILE.ROW_NOT_FOUND', `No reconciliation row ${missing.join(', ')}`);
    }
    const now = this.clock.now();
    const mutedUntil = request.days === 0 ? null : new Date(now.getTime() + request.days * DAY_MS);
    const out: RowDoc[] = [];
    for (const id of ids) {
      const row = await this.change(id, { mutedUntil }, (current) => ({
        actor: request.actor,
        action: request.days === 0 ? 'row.unmute' : 'row.mute',
        targetKind: 'row',
        targetId: id,
        accountId: current.accountId,
        note: request.note,
        details: { days: request.days, mutedUntil: mutedUntil?.toISOString() ?? null },
      }));
      out.push(row);
    }
    return this.viewer.views(out);
  }

  // The change with its audit entry and event (RowChanges), retried from a newer revision if the row moved.
  private async change(id: string, fields: Partial<RowDoc>, auditOf: (row: RowDoc) => AuditInput): Promise<RowDoc> {
    const updated = await retriedWhileMoved(ATTEMPTS, async () => {
      const row = await this.rows.findById(id);
      if (!row) throw new AppError('RECONCILE.ROW_NOT_FOUND', `No reconciliation row ${id}`);
      const fresh = { ...fields, updatedAt: this.clock.now() };
      return (await this.rowChanges.update(row, fresh, () => [auditOf(row)])) ?? MOVED;
    });
    if (updated !== MOVED) return updated;
    throw new AppError('RECONCILE.ROW_INVALID_STATE', `Row ${id} kept changing; try again`);
  }
}
