import type { ComputedRow } from './desired-rows';
import type { FrozenApproval, RowDoc } from './row.repository';

// What an approval records: the values the push will send, exactly.
export function freeze(row: RowDoc, effectiveDate: Date | null): FrozenApproval | null {
  if (row.psaCompanyId === null || row.productId === null) return null;
  return {
    quantity: row.vendorQuantity,
    psaCompanyId: row.psaCompanyId,
    productId: row.productId,
    // Only a new line needs the agreement: an existing line is changed where it is.
    agreementId: row.psaQuantity === 0 ? row.agreementId : null,
    effectiveDate,
  };
}

// How the row computed now differs from what was approved (empty: the approval still holds).
export function changedSinceApproval(approved: FrozenApproval, row: ComputedRow): string[] {
  const changes: string[] = [];
  if (row.vendorQuantity !== approved.quantity) changes.push(`quantity ${approved.quantity} → ${row.vendorQuantity}`);
  if (row.psaCompanyId !== approved.psaCompanyId) {
    changes.push(`company ${approved.psaCompanyId} → ${row.psaCompanyId ?? 'none'}`);
  }
  if (row.productId !== approved.productId) changes.push(`product ${approved.productId} → ${row.productId ?? 'none'}`);
  if (approved.agreementId !== null && row.psaQuantity === 0 && row.agreementId !== approved.agreementId) {
    changes.push(`agreement ${approved.agreementId} → ${row.agreementId ?? 'none'}`);
  }
  return changes;
}
