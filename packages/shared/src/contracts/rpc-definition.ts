import { z } from 'zod';

export interface RpcDefinition<Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  response: Res;
  description: string;
  // Request fields that carry a third-party secret: the gateway seals them to the service (sealed-secrets.ts).
  sealed?: readonly string[];
}

export function defineRpc<Req extends z.ZodType, Res extends z.ZodType>(
  def: RpcDefinition<Req, Res>,
): RpcDefinition<Req, Res> {
  return def;
}

export const SERVICE_NAMES = ['gateway', 'duo-connector', 'discovery', 'reconcile', 'alerts'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const serviceHealthSchema = z.object({
  service: z.enum(SERVICE_NAMES),
  ready: z.boolean(),
  checks: z.record(z.string(), z.object({ up: z.boolean(), detail: z.string().optional() })),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
});
export type ServiceHealth = z.infer<typeof serviceHealthSchema>;

export const healthRpc = (service: ServiceName) =>
  defineRpc({
    request: z.object({}).strict(),
    response: serviceHealthSchema,
    description: `Readiness of ${service} and of each of its dependencies.`,
  });
