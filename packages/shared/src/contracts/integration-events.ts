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

// Who changed an integration, how, and whether it was applied: published by the connector for every attempt (the
// actor is the gateway's authenticated identity), kept in reconcile's audit log.
export const INTEGRATION_CHANGE_ACTIONS = ['create', 'update', 'delete', 'sync-now'] as const;
export const integrationChangedEventSchema = z.object({
  // Identifies the attempt (audit entries are written once per id).
  changeId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  // null: a create that was refused before anything was stored.
  integrationId: integrationId.nullable(),
  action: z.enum(INTEGRATION_CHANGE_ACTIONS),
  actor: z.string().min(1).max(200),
  outcome: z.enum(['applied', 'refused']),
  // The refusal's catalog code (never its message: it may carry upstream text).
  code: z.string().max(100).nullable(),
  // The fields the request set (never their values: a secret key is one of them).
  fields: z.array(z.string().max(50)).max(20),
  at: isoDateTime,
});
export type IntegrationChangedEvent = z.infer<typeof integrationChangedEventSchema>;
