import { z } from 'zod';
import { accountId, integrationId, isoDateTime } from './common';

export const SYNC_STATUSES = ['idle', 'syncing', 'backfilling', 'error'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export const integrationSyncStatusEventSchema = z.object({
  integrationId,
  // null: the status of the integration as a whole; else of one Duo account it polls.
  accountId: accountId.nullable(),
  syncStatus: z.enum(SYNC_STATUSES),
  behindMs: z.number().int().nonnegative().nullable(),
  behindRecordsEstimate: z.number().int().nonnegative().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  lastSuccessAt: isoDateTime.nullable(),
  at: isoDateTime,
  // Increments on every change, so consumers can drop stale updates.
  revision: z.number().int().positive(),
});
export type IntegrationSyncStatusEvent = z.infer<typeof integrationSyncStatusEventSchema>;
