import { z } from 'zod';
import { accountId, isoDateTime } from './common';

export const RECONCILIATION_TYPES = ['new_revenue', 'under_billed', 'over_billed', 'no_change', 'unmapped'] as const;
export const RECONCILIATION_STATES = ['pending', 'approved', 'applied', 'dismissed', 'failed'] as const;

export const reconciliationUpdatedEventSchema = z.object({
  accountId,
  rowId: z.string().min(1),
  psaCompanyId: z.string().nullable(),
  sku: z.string().min(1),
  productId: z.string().nullable(),
  vendorQuantity: z.number().int().nonnegative(),
  psaQuantity: z.number().int().nonnegative(),
  delta: z.number().int(),
  type: z.enum(RECONCILIATION_TYPES),
  state: z.enum(RECONCILIATION_STATES),
  // Increments on every change of the row, so consumers can drop stale updates.
  revision: z.number().int().positive(),
  updatedAt: isoDateTime,
});
export type ReconciliationUpdatedEvent = z.infer<typeof reconciliationUpdatedEventSchema>;
