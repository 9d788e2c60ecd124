import type { BroadcastName } from './broadcasts';
import { consumers } from './consumers';
import { EVENT_NAMES, type EventName } from './events';
import { GATEWAY_EVENT_NAMES } from './gateway-api';
import type { ServiceName } from './rpc-definition';
import { RPC_NAMES, type RpcName } from './rpcs';

// Who may do what on the bus. Each Seatwise service connects as its own NATS user (named like the
// service); `provisioner` is the one identity that manages streams (the stack, compose's bus-setup
// one-shot); `subscriber` is for other systems that consume the events (docs/events.md). nats-server's
// authorization is generated from this table (bus/permissions.ts), so a subject a service is not declared
// to use is refused by the server, not by the service's good will.
export const BUS_IDENTITIES = [
  'gateway',
  'duo-connector',
  'discovery',
  'reconcile',
  'alerts',
  'provisioner',
  'subscriber',
] as const;
export type BusIdentity = (typeof BUS_IDENTITIES)[number];

export interface BusIdentityGrant {
  // Events this identity publishes into their streams (JetStream, with a PubAck to its inbox).
  publishes: readonly EventName[];
  // Durable consumers it owns: it may create, read from, ack and delete exactly these.
  consumes: readonly (keyof typeof consumers)[];
  // Events it watches with plain subscriptions (not durable: the gateway's live stream to browsers).
  watches: readonly EventName[];
  // Core-NATS subjects its replicas share among themselves (contracts/broadcasts.ts): it may publish to and
  // subscribe to exactly these.
  broadcasts: readonly BroadcastName[];
  // RPCs it may request. Only the gateway calls the API, with the actor it authenticated; alerts opens
  // PSA tickets through reconcile.
  calls: readonly RpcName[];
  // Whose RPC subjects it answers (its own service's); answering needs no other publish right.
  serves: ServiceName | null;
  // Create, update and delete streams: the JetStream management API.
  managesStreams: boolean;
  // Read every stream through durables of its own naming, never through one of Seatwise's (it would take
  // their messages): another system's consumer.
  readsStreams: boolean;
}

const CONNECTOR_EVENTS = [
  'duo.authlog',
  'duo.users.record',
  'duo.users.snapshot-complete',
  'duo.account.snapshot',
  'integration.sync-status',
  'integration.changed',
  // Duo records that fail their contract, with the reason.
  'deadletter.event',
] as const satisfies readonly EventName[];

const consumersOf = (prefix: string) =>
  (Object.keys(consumers) as (keyof typeof consumers)[]).filter((key) => key.startsWith(prefix));

const none = {
  publishes: [],
  consumes: [],
  watches: [],
  broadcasts: [],
  calls: [],
  serves: null,
  managesStreams: false,
  readsStreams: false,
} as const;

export const busIdentities: Record<BusIdentity, BusIdentityGrant> = {
  // Rate-limit spending, so that N replicas allow one limit, not N.
  gateway: { ...none, watches: GATEWAY_EVENT_NAMES, broadcasts: ['gateway.rate-limits'], calls: RPC_NAMES },
  'duo-connector': {
    ...none,
    publishes: CONNECTOR_EVENTS,
    // Every replica applies an integration change another one handled (#18).
    watches: ['integration.changed'],
    // A listing stored on one replica is followed at once on the others.
    broadcasts: ['duo-connector.accounts-listed'],
    serves: 'duo-connector',
  },
  discovery: {
    ...none,
    publishes: [
      'discovery.service.discovered',
      'discovery.user.discovered',
      'discovery.service.matched',
      'discovery.account.usage',
      'deadletter.event',
    ],
    consumes: consumersOf('discovery'),
    serves: 'discovery',
  },
  reconcile: {
    ...none,
    publishes: [
      'reconcile.reconciliation.updated',
      'reconcile.sync-run.updated',
      'reconcile.mapping.changed',
      'deadletter.event',
    ],
    consumes: consumersOf('reconcile'),
    serves: 'reconcile',
  },
  alerts: {
    ...none,
    publishes: ['deadletter.event'],
    consumes: consumersOf('alerts'),
    calls: ['reconcile.tickets.create'],
    serves: 'alerts',
  },
  // Also the operator's identity for `seatwise dead-letters replay`, which publishes a letter back on its subject.
  provisioner: { ...none, managesStreams: true, publishes: EVENT_NAMES },
  subscriber: { ...none, readsStreams: true },
};
