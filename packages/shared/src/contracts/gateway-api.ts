import { z } from 'zod';
import { isoDateTime } from './common';
import { integrationSyncStatusEventSchema } from './integration-events';
import {
  mappingChangedEventSchema,
  reconciliationUpdatedEventSchema,
  syncRunUpdatedEventSchema,
} from './reconcile-events';

// HTTP contracts of apps/gateway that are its own (not an upstream RPC's): problems, API keys, lists, SSE.

// RFC 9457 problem details, one shape for every error the gateway answers.
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  // Stable dotted code (COMMON.NOT_FOUND, AUTH.UNAUTHORIZED, …): branch on it, never on the detail.
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  instance: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const API_KEY_ROLES = ['admin', 'viewer'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(API_KEY_ROLES),
  // The key's first characters, to recognise it; the key itself is shown only once.
  prefix: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

export const apiKeyCreateSchema = z
  .object({ name: z.string().trim().min(1).max(120), role: z.enum(API_KEY_ROLES) })
  .strict();

export const apiKeyCreatedSchema = apiKeyViewSchema.extend({
  key: z.string().describe('The API key. Shown only in this response: store it now.'),
});

// Server-Sent Events of GET /api/v1/events: `event: <name>` and `data: <payload JSON>`.
export const gatewayEventSchemas = {
  'integration.sync-status': integrationSyncStatusEventSchema,
  'reconcile.reconciliation.updated': reconciliationUpdatedEventSchema,
  // PSA sync runs and mapping changes: the console's sync indicator and mapping screen follow them live.
  'reconcile.sync-run.updated': syncRunUpdatedEventSchema,
  'reconcile.mapping.changed': mappingChangedEventSchema,
} as const;
export type GatewayEventName = keyof typeof gatewayEventSchemas;
export const GATEWAY_EVENT_NAMES = Object.keys(gatewayEventSchemas) as GatewayEventName[];

// The web console's session: an API key pasted once, exchanged for an HttpOnly cookie. Changes sent
// with the cookie must carry the session's CSRF token in this header (a Bearer key needs none).
export const SESSION_COOKIE = 'seatwise_session';
export const CSRF_HEADER = 'X-CSRF-Token';

export const sessionCreateSchema = z.object({ apiKey: z.string().min(1).max(512) }).strict();

export const sessionViewSchema = z.object({
  keyId: z.string(),
  name: z.string(),
  role: z.enum(API_KEY_ROLES),
  expiresAt: isoDateTime,
  csrfToken: z.string().describe(`Send as ${CSRF_HEADER} with every request that changes something.`),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

// GET /api/v1/session: whether this browser is signed in. Signed out is an answer, not an error, so a
// page that merely asks does not log a failed request.
export const sessionStateSchema = z.object({ session: sessionViewSchema.nullable() });
export type SessionState = z.infer<typeof sessionStateSchema>;
