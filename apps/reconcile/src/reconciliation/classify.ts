import type { ReconciliationUpdatedEvent } from '@seatwise/shared/contracts/reconcile-events';

export type RowType = ReconciliationUpdatedEvent['type'];

// What a row is: new revenue (used, billed nothing), under- or over-billed, or in line.
export function classify(vendorQuantity: number, psaQuantity: number): RowType {
  if (vendorQuantity > 0 && psaQuantity === 0) return 'new_revenue';
  if (vendorQuantity > psaQuantity) return 'under_billed';
  if (vendorQuantity < psaQuantity) return 'over_billed';
  return 'no_change';
}
