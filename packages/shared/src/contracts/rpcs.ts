import { z } from 'zod';

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
  'discovery.health': healthRpc('discovery'),
  'reconcile.health': healthRpc('reconcile'),
} as const;

export type RpcName = keyof typeof rpcs;
export type RpcRequest<K extends RpcName> = z.input<(typeof rpcs)[K]['request']>;
export type RpcResponse<K extends RpcName> = z.output<(typeof rpcs)[K]['response']>;
