import { z } from 'zod';
import {
  duoAccountViewSchema,
  idRequestSchema,
  integrationInputSchema,
  integrationViewSchema,
  integrationWithReportSchema,
} from './connector-rpcs';
import { integrationId } from './common';

export interface RpcDefinition<Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  response: Res;
  description: string;
}

function defineRpc<Req extends z.ZodType, Res extends z.ZodType>(def: RpcDefinition<Req, Res>): RpcDefinition<Req, Res> {
  return def;
}

export const SERVICE_NAMES = ['gateway', 'duo-connector', 'discovery', 'reconcile'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const serviceHealthSchema = z.object({
  service: z.enum(SERVICE_NAMES),
  ready: z.boolean(),
  checks: z.record(z.string(), z.object({ up: z.boolean(), detail: z.string().optional() })),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
});
export type ServiceHealth = z.infer<typeof serviceHealthSchema>;

const healthRpc = (service: ServiceName) =>
  defineRpc({
    request: z.object({}).strict(),
    response: serviceHealthSchema,
    description: `Readiness of ${service} and of each of its dependencies.`,
  });

// The typed request-reply map: subject stem (after the deployment prefix) → request and response.
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
  'discovery.health': healthRpc('discovery'),
  'reconcile.health': healthRpc('reconcile'),
} as const;

export type RpcName = keyof typeof rpcs;
export type RpcRequest<K extends RpcName> = z.input<(typeof rpcs)[K]['request']>;
export type RpcResponse<K extends RpcName> = z.output<(typeof rpcs)[K]['response']>;
