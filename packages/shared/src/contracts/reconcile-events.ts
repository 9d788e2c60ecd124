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
  // Money per month the row is about (delta × unit price), when priced.
  monthlyImpact: z.number().nullable(),
  currency: z.string().nullable(),
  // Increments on every change of the row, so consumers can drop stale updates.
  revision: z.number().int().positive(),
  updatedAt: isoDateTime,
});
export type ReconciliationUpdatedEvent = z.infer<typeof reconciliationUpdatedEventSchema>;

export const syncRunUpdatedEventSchema = z.object({
  runId: z.string().min(1),
  connectionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  kind: z.enum(['quick', 'full']),
  state: z.enum(['pending', 'in_progress', 'complete', 'failed']),
  requestedAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  // Increments on every change of the run.
  revision: z.number().int().positive(),
  at: isoDateTime,
});
export type SyncRunUpdatedEvent = z.infer<typeof syncRunUpdatedEventSchema>;

export const mappingChangedEventSchema = z.object({
  kind: z.enum(['account', 'service']),
  // Account mappings: the Duo account; service mappings: null.
  accountId: accountId.nullable(),
  // Service mappings: the Duo SKU; account mappings: null.
  sku: z.string().nullable(),
  state: z.enum(['mapped', 'unmapped', 'excluded']),
  psaCompanyId: z.string().nullable(),
  productId: z.string().nullable(),
  source: z.enum(['auto', 'manual']),
  actor: z.string(),
  // Increments on every change of this mapping.
  revision: z.number().int().positive(),
  at: isoDateTime,
});
export type MappingChangedEvent = z.infer<typeof mappingChangedEventSchema>;
