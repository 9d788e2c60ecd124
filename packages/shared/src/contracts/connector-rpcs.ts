import { z } from 'zod';
import { integrationId } from './common';
import {
  duoAccountViewSchema,
  integrationIdRequestSchema,
  integrationInputSchema,
  integrationViewSchema,
  integrationWithReportSchema,
} from './connector-views';
import { defineRpc, healthRpc } from './rpc-definition';
import { secretsRotateRpc } from './secrets-rotation';

// Who asks for a change (the gateway's authenticated identity); recorded with the outcome in the audit log. A bus
// client that sends none is recorded as such.
export const UNNAMED_ACTOR = 'bus client (no actor given)';
const actorField = { actor: z.string().trim().min(1).max(200).default(UNNAMED_ACTOR) };

// Request-reply API of apps/duo-connector (subject stem → request and response schemas).
export const connectorRpcs = {
  'duo-connector.health': healthRpc('duo-connector'),
  'duo-connector.secrets.rotate': secretsRotateRpc('duo-connector'),
  'duo-connector.integrations.create': defineRpc({
    request: integrationInputSchema.extend(actorField).strict(),
    response: integrationWithReportSchema,
    description: 'Store a Duo integration (secret encrypted), probe its permissions, start syncing it.',
    sealed: ['secretKey'],
  }),
  'duo-connector.integrations.update': defineRpc({
    request: integrationInputSchema
      .partial()
      .extend({ id: integrationId, ...actorField })
      .strict(),
    response: integrationWithReportSchema,
    description: 'Change an integration; credentials are probed again.',
    sealed: ['secretKey'],
  }),
  'duo-connector.integrations.delete': defineRpc({
    request: integrationIdRequestSchema.extend(actorField).strict(),
    response: z.object({ deleted: z.literal(true) }),
    description: 'Stop syncing an integration and forget it (events already published stay).',
  }),
  'duo-connector.integrations.get': defineRpc({
    request: integrationIdRequestSchema,
    response: integrationViewSchema,
    description: 'One integration, without its secret.',
  }),
  'duo-connector.integrations.list': defineRpc({
    request: z.object({}).strict(),
    response: z.object({ items: z.array(integrationViewSchema) }),
    description: 'Every integration, without secrets.',
  }),
  'duo-connector.integrations.sync-now': defineRpc({
    request: integrationIdRequestSchema.extend(actorField).strict(),
    response: z.object({ accepted: z.literal(true) }),
    description: 'Poll every account of the integration now instead of at its next scheduled time.',
  }),
  'duo-connector.accounts.list': defineRpc({
    request: z.object({ integrationId: integrationId.optional() }).strict(),
    response: z.object({ items: z.array(duoAccountViewSchema) }),
    description: 'Duo accounts being polled, with seats, edition and sync status.',
  }),
} as const;
