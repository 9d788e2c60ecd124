import type { z } from 'zod';
import { alertsChannelRpcs } from './alerts-channel-rpcs';
import { alertsRpcs } from './alerts-rpcs';
import { connectorRpcs } from './connector-rpcs';
import { discoveryRpcs } from './discovery-rpcs';
import { reconcileRpcs } from './reconcile-rpcs';

// The typed request-reply map: subject stem (after the deployment prefix) → request and response.
// Each service's RPCs live in its own file (connector-rpcs.ts, discovery-rpcs.ts, reconcile-rpcs.ts).
// Served over Nest's NATS transport (handlers bound with @Rpc); any NATS client can call it (see
// docs/events.md).
export const rpcs = {
  ...connectorRpcs,
  ...discoveryRpcs,
  ...reconcileRpcs,
  ...alertsRpcs,
  ...alertsChannelRpcs,
} as const;

export type RpcName = keyof typeof rpcs;
export const RPC_NAMES = Object.keys(rpcs) as readonly RpcName[];
// What a caller sends (before defaults) and what a handler receives (after parsing) and answers.
export type RpcRequest<K extends RpcName> = z.input<(typeof rpcs)[K]['request']>;
export type RpcInput<K extends RpcName> = z.output<(typeof rpcs)[K]['request']>;
export type RpcResponse<K extends RpcName> = z.output<(typeof rpcs)[K]['response']>;
