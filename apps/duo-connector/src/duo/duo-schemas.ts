import { z } from 'zod';
import { DUO_EDITIONS, type DuoEdition } from '@seatwise/shared/contracts/duo-events';
import { duoAuthLogRecordSchema } from '@seatwise/shared/contracts/duo-records';

// Duo documents most values as strings although it sends numbers; counts accept both spellings.
const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

const cursorPart = z.union([z.string().min(1), z.number().int().nonnegative().transform(String)]);

// Auth logs v2 send ["<ms>", "<txid>"]; the activity/telephony style "ms,txid" string is accepted as well.
const logCursor = z.union([
  z.tuple([cursorPart, cursorPart]),
  z
    .string()
    .regex(/^\d+,.+$/)
    .transform((s): [string, string] => {
      const comma = s.indexOf(',');
      return [s.slice(0, comma), s.slice(comma + 1)];
    }),
]);

// total_objects is an int for auth logs, {relation, value} for activity logs.
const totalObjects = z.union([count, z.object({ value: count }).transform((t) => t.value)]);

export const authLogsSchema = z.object({
  authlogs: z.array(z.unknown()),
  metadata: z
    .object({
      next_offset: logCursor.nullable().optional(),
      total_objects: totalObjects.nullable().optional(),
    })
    .optional(),
});

// What the cursor after an auth log record is made of (the rest of the record is checked by the event contract).
export const lastRecordSchema = duoAuthLogRecordSchema.pick({ txid: true, timestamp: true, isotimestamp: true });

export const usersListSchema = z.array(z.unknown());

// Users metadata is top level; next_offset is absent on the last page.
export const usersMetadataSchema = z
  .object({
    next_offset: count.nullable().optional(),
    total_objects: count.nullable().optional(),
  })
  .optional();

export const summarySchema = z.object({
  user_count: count,
  user_pending_deletion_count: count,
  admin_count: count,
  integration_count: count,
});

const editions: readonly string[] = DUO_EDITIONS;

export const editionSchema = z.object({ edition: z.string() }).transform((e): DuoEdition | null =>
  // Unknown codes (a future edition) are not an error: the caller records "unknown edition".
  editions.includes(e.edition) ? (e.edition as DuoEdition) : null,
);

export const accountListSchema = z.array(
  z.object({
    account_id: z.string().min(1),
    name: z.string(),
    api_hostname: z.string().min(1),
  }),
);
