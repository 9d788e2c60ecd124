import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { ReconciliationRowView } from '@seatwise/shared/contracts/reconcile-views';
import { AppError } from '@seatwise/shared/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ReconcileEvents } from '../events/reconcile-events';
import { toRowEvent } from './row-views';
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
    private readonly audit: AuditService,
    private readonly events: ReconcileEvents,
    private readonly clock: Clock,
  ) {}

  async note(request: { id: string; note: string; actor: string }): Promise<ReconciliationRowView> {
    const note = request.note === '' ? null : request.note;
    const row = await this.change(request.id, () => ({ note }));
    await this.audit.record({
      actor: request.actor,
      action: 'row.note',
      targetKind: 'row',
      targetId: row._id,
      accountId: row.accountId,
      note,
    });
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
      const row = await this.change(id, () => ({ mutedUntil }));
      await this.audit.record({
        actor: request.actor,
        action: request.days === 0 ? 'row.unmute' : 'row.mute',
        targetKind: 'row',
        targetId: id,
        accountId: row.accountId,
        note: request.note,
        details: { days: request.days, mutedUntil: mutedUntil?.toISOString() ?? null },
      });
      out.push(row);
    }
    return this.viewer.views(out);
  }

  private async change(id: string, fields: () => Partial<RowDoc>): Promise<RowDoc> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const row = await this.rows.findById(id);
      if (!row) throw new AppError('RECONCILE.ROW_NOT_FOUND', `No reconciliation row ${id}`);
      const updated = await this.rows.update(id, row.revision, { ...fields(), updatedAt: this.clock.now() });
      if (updated) {
        await this.events.publish('reconcile.reconciliation.updated', toRowEvent(updated));
        return updated;
      }
    }
    throw new AppError('RECONCILE.ROW_INVALID_STATE', `Row ${id} kept changing; try again`);
  }
}
