import type { ReconciliationUpdatedEvent } from '@seatwise/shared/contracts/reconcile-events';
import type { ReconciliationRowView } from '@seatwise/shared/contracts/reconcile-views';
import type { RowDoc } from './row.repository';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

// What a view shows beside the ids a row stores: the PSA records' names and the account's usage.
export type RowNames = Pick<ReconciliationRowView, 'psaCompanyName' | 'productName' | 'agreementName' | 'usage'>;

export function toRowView(doc: RowDoc, names: RowNames): ReconciliationRowView {
  return {
    id: doc._id,
    accountName: doc.accountName,
    ...figures(doc),
    effectiveDate: iso(doc.effectiveDate),
    note: doc.note,
    lastError: doc.lastError
      ? { code: doc.lastError.code, message: doc.lastError.message, at: new Date(doc.lastError.at).toISOString() }
      : null,
    decidedBy: doc.decidedBy,
    decidedAt: iso(doc.decidedAt),
    appliedAt: iso(doc.appliedAt),
    ...names,
    agreementId: doc.agreementId,
    agreementIssue: doc.agreementIssue,
    unitPrice: doc.unitPrice,
    mutedUntil: iso(doc.mutedUntil ?? null),
    approved: doc.approved ? { ...doc.approved, effectiveDate: iso(doc.approved.effectiveDate) } : null,
  };
}

// What reconcile.reconciliation.updated announces of a stored row.
export function toRowEvent(doc: RowDoc): ReconciliationUpdatedEvent {
  return { rowId: doc._id, ...figures(doc) };
}

// What a row is about and where it stands: shared by the view and the event.
function figures(doc: RowDoc) {
  return {
    accountId: doc.accountId,
    psaCompanyId: doc.psaCompanyId,
    sku: doc.sku,
    productId: doc.productId,
    vendorQuantity: doc.vendorQuantity,
    psaQuantity: doc.psaQuantity,
    delta: doc.delta,
    type: doc.type,
    state: doc.state,
    monthlyImpact: doc.unitPrice === null ? null : doc.monthlyImpact,
    currency: doc.currency,
    revision: doc.revision,
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
