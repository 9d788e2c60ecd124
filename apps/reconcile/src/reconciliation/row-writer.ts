import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { AuditService } from '../audit/audit.service';
import { ReconcileEvents } from '../events/reconcile-events';
import type { ComputedRow } from './desired-rows';
import { toRowEvent } from './row-views';
import { type RowDoc, RowRepository, UNDECIDED } from './row.repository';

const COMPUTED_KEYS = [
  'accountName',
  'psaCompanyId',
  'connectionId',
  'connectionKind',
  'sku',
  'productId',
  'vendorQuantity',
  'psaQuantity',
  'delta',
  'type',
] as const;
// A change of these reopens a decided row: the decision was about other numbers.
const MATERIAL_KEYS = ['psaCompanyId', 'productId', 'vendorQuantity', 'psaQuantity', 'type'] as const;

// Stores a recomputed row: new rows start pending, changed numbers reopen a decided row (audited), and every
// stored change is announced.
@Injectable()
export class RowWriter {
  constructor(
    private readonly rows: RowRepository,
    private readonly audit: AuditService,
    private readonly events: ReconcileEvents,
    private readonly clock: Clock,
  ) {}

  // false when another writer changed the row first (the caller recomputes from fresh state).
  async save(row: ComputedRow, existing: RowDoc | undefined): Promise<boolean> {
    if (!existing) return this.insert(row);
    if (COMPUTED_KEYS.every((k) => existing[k] === row[k])) return true;
    const material = MATERIAL_KEYS.some((k) => existing[k] !== row[k]);
    // An approved ConnectWise row is being pushed; its state is the push's to settle.
    const pushing = existing.state === 'approved' && existing.connectionKind === 'connectwise';
    const reopen = material && !pushing && existing.state !== 'pending';
    const { _id, ...fields } = row;
    const changes = {
      ...fields,
      updatedAt: this.clock.now(),
      ...(reopen ? { state: 'pending' as const, lastError: null } : {}),
    };
    const updated = await this.rows.update(_id, existing.revision, changes);
    if (!updated) return false;
    if (reopen) {
      await this.audit.record({
        actor: 'system',
        action: 'row.reopen',
        targetKind: 'row',
        targetId: _id,
        accountId: row.accountId,
        details: { from: existing.state, vendorQuantity: row.vendorQuantity, psaQuantity: row.psaQuantity },
      });
    }
    await this.events.publish('reconcile.reconciliation.updated', toRowEvent(updated));
    return true;
  }

  private async insert(row: ComputedRow): Promise<boolean> {
    const doc: RowDoc = {
      ...row,
      ...UNDECIDED,
      state: 'pending',
      revision: 1,
      updatedAt: this.clock.now(),
      pushLeaseUntil: new Date(0),
    };
    if (!(await this.rows.insertNew(doc))) return false;
    await this.events.publish('reconcile.reconciliation.updated', toRowEvent(doc));
    return true;
  }
}
