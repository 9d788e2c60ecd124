import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { AuditInput } from '../audit/audit.service';
import type { ComputedRow } from './desired-rows';
import { changedSinceApproval } from './frozen-approval';
import { RowChanges } from './row-changes';
import { isPushed, type RowDoc, UNDECIDED } from './row.repository';

const COMPUTED_KEYS = [
  'accountName',
  'psaCompanyId',
  'connectionId',
  'connectionKind',
  'sku',
  'productId',
  'agreementId',
  'agreementIssue',
  'vendorQuantity',
  'psaQuantity',
  'delta',
  'type',
  'unitPrice',
  'currency',
  'monthlyImpact',
] as const;
// A change of these reopens a decided row: the decision was about other numbers.
const MATERIAL_KEYS = ['psaCompanyId', 'productId', 'vendorQuantity', 'psaQuantity', 'type'] as const;

interface Reopening {
  // What changed, for the row's note and the audit log.
  why: string;
}

// Stores a recomputed row: new rows start pending, changed numbers reopen a decided row (audited), and every
// stored change is announced. An approved row keeps its approval only while what was approved still holds; a row
// whose push is under way is left to the push to settle.
@Injectable()
export class RowWriter {
  constructor(
    private readonly rowChanges: RowChanges,
    private readonly clock: Clock,
  ) {}

  // false when another writer changed the row first (the caller recomputes from fresh state).
  async save(row: ComputedRow, existing: RowDoc | undefined): Promise<boolean> {
    if (!existing) return this.insert(row);
    if (COMPUTED_KEYS.every((k) => existing[k] === row[k])) return true;
    const now = this.clock.now();
    const reopening = this.reopening(existing, row, now);
    const { _id, ...fields } = row;
    const changes: Partial<RowDoc> = {
      ...fields,
      updatedAt: now,
      ...(reopening
        ? {
            state: 'pending',
            lastError: null,
            approved: null,
            note: reopening.why,
            pushLeaseUntil: new Date(0),
            pushToken: null,
          }
        : {}),
    };
    const audits = [...quantityAudits(existing, row), ...(reopening ? [reopenAudit(existing, row, reopening)] : [])];
    return (await this.rowChanges.update(existing, changes, () => audits)) !== null;
  }

  private reopening(existing: RowDoc, row: ComputedRow, now: Date): Reopening | null {
    if (existing.state === 'pending') return null;
    // An import's approval is only recorded (nothing is pushed): its numbers changing reopens it like any decision.
    if (existing.state === 'approved' && isPushed(existing.connectionKind)) {
      // A push holds the row: it sends what was approved, and settles.
      if (existing.pushLeaseUntil.getTime() > now.getTime()) return null;
      const changed = existing.approved ? changedSinceApproval(existing.approved, row) : [];
      return changed.length > 0
        ? { why: `Changed since approval: ${changed.join('; ')}. Review and approve again.` }
        : null;
    }
    if (!MATERIAL_KEYS.some((k) => existing[k] !== row[k])) return null;
    return { why: `Reopened: the numbers changed since it was ${existing.state}` };
  }

  private async insert(row: ComputedRow): Promise<boolean> {
    const doc: RowDoc = {
      ...row,
      ...UNDECIDED,
      mutedUntil: null,
      state: 'pending',
      revision: 1,
      updatedAt: this.clock.now(),
      pushLeaseUntil: new Date(0),
      pushToken: null,
      changeIds: [],
    };
    return this.rowChanges.insert(doc, quantityAudits(null, row));
  }
}

function reopenAudit(existing: RowDoc, row: ComputedRow, reopening: Reopening): AuditInput {
  return {
    actor: 'system',
    action: 'row.reopen',
    targetKind: 'row',
    targetId: row._id,
    accountId: row.accountId,
    note: reopening.why,
    details: { from: existing.state, vendorQuantity: row.vendorQuantity, psaQuantity: row.psaQuantity },
  };
}

// A row's history names each quantity it had, as it changed (the row's first quantities on insert).
function quantityAudits(before: Pick<RowDoc, 'vendorQuantity' | 'psaQuantity'> | null, row: ComputedRow): AuditInput[] {
  if (before && before.vendorQuantity === row.vendorQuantity && before.psaQuantity === row.psaQuantity) return [];
  return [
    {
      actor: 'system',
      action: 'row.quantity',
      targetKind: 'row',
      targetId: row._id,
      accountId: row.accountId,
      details: {
        vendorQuantity: row.vendorQuantity,
        psaQuantity: row.psaQuantity,
        ...(before ? { previousVendorQuantity: before.vendorQuantity, previousPsaQuantity: before.psaQuantity } : {}),
      },
    },
  ];
}
