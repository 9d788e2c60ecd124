import { z } from 'zod';
import { accountId, integrationId, isoDateTime } from './common';
import { duoAuthLogRecordSchema, duoUserRecordSchema } from './duo-records';

// Duo edition codes (billing/edition): ENTERPRISE=Essentials, PLATFORM=Advantage, BEYOND=Premier, PERSONAL=Free.
export const DUO_EDITIONS = ['ENTERPRISE', 'PLATFORM', 'BEYOND', 'PERSONAL'] as const;
export type DuoEdition = (typeof DUO_EDITIONS)[number];

const source = { integrationId, accountId };

export const duoAuthLogEventSchema = z.object({
  ...source,
  record: duoAuthLogRecordSchema,
  fetchedAt: isoDateTime,
});
export type DuoAuthLogEvent = z.infer<typeof duoAuthLogEventSchema>;

export const duoUserEventSchema = z.object({
  ...source,
  // One id per full users snapshot; the end marker carries the same id and the record count.
  snapshotId: z.string().min(1),
  record: duoUserRecordSchema,
  observedAt: isoDateTime,
});
export type DuoUserEvent = z.infer<typeof duoUserEventSchema>;

export const duoUserSnapshotCompleteEventSchema = z.object({
  ...source,
  snapshotId: z.string().min(1),
  userCount: z.number().int().nonnegative(),
  startedAt: isoDateTime,
  completedAt: isoDateTime,
});
export type DuoUserSnapshotCompleteEvent = z.infer<typeof duoUserSnapshotCompleteEventSchema>;

export const duoAccountSnapshotEventSchema = z.object({
  ...source,
  name: z.string(),
  // null when Duo does not expose the edition for this account (billing API not enabled).
  edition: z.enum(DUO_EDITIONS).nullable(),
  userCount: z.number().int().nonnegative(),
  pendingDeletionCount: z.number().int().nonnegative(),
  // Seats Duo bills: all users except those pending deletion.
  billableSeats: z.number().int().nonnegative(),
  adminCount: z.number().int().nonnegative().nullable(),
  integrationCount: z.number().int().nonnegative().nullable(),
  observedAt: isoDateTime,
});
export type DuoAccountSnapshotEvent = z.infer<typeof duoAccountSnapshotEventSchema>;
