import { z } from 'zod';

export const isoDateTime = z.iso.datetime({ offset: true });
// Duo account ids (e.g. DA9VZOC5X63I2W72NRP9) and our ids are subject-safe tokens.
// An ISO 4217 currency code.
export const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD');

export const accountId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, _ or -');
export const integrationId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, _ or -');

// The last failure of an integration, connection or run, as views show it: its code, message and time.
export const codedErrorSchema = z.object({ code: z.string(), message: z.string(), at: isoDateTime });

// What every configured connection view ends with (a Duo integration, a PSA connection): its last
// failure, its last successful sync and its record times.
export const connectionHistoryFields = {
  lastError: codedErrorSchema.nullable(),
  lastSyncAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
};
