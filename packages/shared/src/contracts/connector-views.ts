import { z } from 'zod';
import { accountId, codedErrorSchema, connectionHistoryFields, integrationId, isoDateTime } from './common';
import { DUO_EDITIONS } from './duo-events';
import { SYNC_STATUSES } from './integration-events';

export const INTEGRATION_KINDS = ['admin', 'accounts'] as const;
export const INTEGRATION_STATES = ['pending', 'connected', 'error'] as const;
export const DUO_PERMISSIONS = ['readInformation', 'readLog', 'readResource'] as const;

// A Duo API hostname (api-xxxxxxxx.duosecurity.com) or a base URL with scheme and port (a simulator).
const apiHostname = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((value) => /^[a-z0-9.-]+(:\d{1,5})?$/i.test(value) || /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?\/?$/i.test(value), {
    message: 'must be a host name (api-xxxxxxxx.duosecurity.com) or a base URL like https://host:port',
  });

export const integrationInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    kind: z.enum(INTEGRATION_KINDS),
    apiHostname,
    integrationKey: z
      .string()
      .trim()
      .regex(/^DI[A-Z0-9]{18}$/, 'must be a Duo integration key (DI + 18 letters or digits)'),
    secretKey: z.string().min(20).max(128),
  })
  .strict();
export type IntegrationInput = z.infer<typeof integrationInputSchema>;

// Never carries the secret key.
export const integrationViewSchema = z.object({
  id: integrationId,
  name: z.string(),
  kind: z.enum(INTEGRATION_KINDS),
  apiHostname: z.string(),
  integrationKey: z.string(),
  status: z.enum(INTEGRATION_STATES),
  syncStatus: z.enum(SYNC_STATUSES),
  ...connectionHistoryFields,
});
export type IntegrationView = z.infer<typeof integrationViewSchema>;

export const validationReportSchema = z.object({
  ok: z.boolean(),
  granted: z.array(z.enum(DUO_PERMISSIONS)),
  missing: z.array(z.enum(DUO_PERMISSIONS)),
  // Set when Duo refused the credentials or could not be reached: Duo's code and message.
  error: z.object({ code: z.string(), message: z.string(), duoCode: z.number().int().nullable() }).nullable(),
  accountsFound: z.number().int().nonnegative(),
});
export type ValidationReport = z.infer<typeof validationReportSchema>;

export const integrationWithReportSchema = z.object({
  integration: integrationViewSchema,
  validation: validationReportSchema,
});

export const duoAccountViewSchema = z.object({
  id: accountId,
  integrationId,
  name: z.string(),
  edition: z.enum(DUO_EDITIONS).nullable(),
  seats: z.number().int().nonnegative().nullable(),
  syncStatus: z.enum(SYNC_STATUSES),
  behindMs: z.number().int().nonnegative().nullable(),
  lastSyncAt: isoDateTime.nullable(),
  lastError: codedErrorSchema.nullable(),
  removed: z.boolean(),
});
export type DuoAccountView = z.infer<typeof duoAccountViewSchema>;

export const integrationIdRequestSchema = z.object({ id: integrationId }).strict();
