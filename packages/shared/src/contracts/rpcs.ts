import { z } from 'zod';
import {
  duoAccountViewSchema,
  idRequestSchema,
  integrationInputSchema,
  integrationViewSchema,
  integrationWithReportSchema,
} from './connector-rpcs';
import { integrationId } from './common';
import { discoveryRpcs } from './discovery-rpcs';
import { reconcileRpcs } from './reconcile-rpcs';
import { defineRpc, healthRpc } from './rpc-definition';

// The typed request-reply map: subject stem (after the deployment prefix) → request and response.
// Each service's RPCs live in its own file (discovery-rpcs.ts, reconcile-rpcs.ts).
// Served over Nest's NATS transport; any NATS client can call it (see docs/events.md).
export const rpcs = {
  'duo-connector.health': healthRpc('duo-connector'),
  'duo-connector.integrations.create': defineRpc({
    request: integrationInputSchema,
    response: integrationWithReportSchema,
    description: 'Store a Duo integration (secret encrypted), probe its permissions, start syncing it.',
  }),
  'duo-connector.integrations.update': defineRpc({
    request: integrationInputSchema.partial().extend({ id: integrationId }).strict(),
    response: integrationWithReportSchema,
    description: 'Change an integration; credentials are probed again.',
  }),
  'duo-connector.integrations.delete': defineRpc({
    request: idRequestSchema,
    response: z.object({ deleted: z.literal(true) }),
    description: 'Stop syncing an integration and forget it (events already published stay).',
  }),
  'duo-connector.integrations.get': defineRpc({
    request: idRequestSchema,
    response: integrationViewSchema,
    description: 'One integration, without its secret.',
  }),
  'duo-connector.integrations.list': defineRpc({
    request: z.object({}).strict(),
    response: z.object({ items: z.array(integrationViewSchema) }),
    description: 'Every integration, without secrets.',
  }),
  'duo-connector.integrations.sync-now': defineRpc({
    request: idRequestSchema,
    response: z.object({ accepted: z.literal(true) }),
    description: 'Poll every account of the integration now instead of at its next scheduled time.',
  }),
  'duo-connector.accounts.list': defineRpc({
    request: z.object({ integrationId: integrationId.optional() }).strict(),
    response: z.object({ items: z.array(duoAccountViewSchema) }),
    description: 'Duo accounts being polled, with seats, edition and sync status.',
  }),
  ...discoveryRpcs,
  ...reconcileRpcs,
} as const;

export type RpcName = keyof typeof rpcs;
export type RpcRequest<K extends RpcName> = z.input<(typeof rpcs)[K]['request']>;
export type RpcResponse<K extends RpcName> = z.output<(typeof rpcs)[K]['response']>;
