import type { EventName } from './events';
import type { StreamKey } from './streams';

// Durable pull consumers of the Seatwise services. Other systems define their own durables.
export interface ConsumerDefinition {
  stream: StreamKey;
  durable: string;
  events: EventName[];
  ackWaitMs: number;
  // After this many deliveries a message that keeps failing is dead-lettered.
  maxDeliver: number;
  maxAckPending: number;
}

// Discovery's replicas share its two durables and each applies only the accounts of the partitions it holds: a
// message of another replica's partition is handed back for redelivery, which spends a delivery (#18). 20 lasted
// about half a minute without a holder, less than a killed replica's partitions take to change hands; 200 leave
// minutes. A message that fails its handler every time is still dead-lettered, after about half an hour of back-off.
const DISCOVERY_MAX_DELIVER = 200;

export const consumers = {
  discoveryAuthLogs: {
    stream: 'DUO_AUTHLOGS',
    durable: 'discovery-authlogs',
    events: ['duo.authlog'],
    ackWaitMs: 60_000,
    maxDeliver: DISCOVERY_MAX_DELIVER,
    maxAckPending: 20_000,
  },
  discoveryUsers: {
    stream: 'DUO_USERS',
    durable: 'discovery-users',
    events: ['duo.users.record', 'duo.users.snapshot-complete'],
    ackWaitMs: 60_000,
    maxDeliver: DISCOVERY_MAX_DELIVER,
    maxAckPending: 5_000,
  },
  reconcileAccounts: {
    stream: 'DUO_ACCOUNTS',
    durable: 'reconcile-accounts',
    events: ['duo.account.snapshot'],
    ackWaitMs: 60_000,
    maxDeliver: 20,
    maxAckPending: 1_000,
  },
  reconcileAccountUsage: {
    stream: 'DISCOVERY',
    durable: 'reconcile-account-usage',
    events: ['discovery.account.usage'],
    ackWaitMs: 60_000,
    maxDeliver: 20,
    maxAckPending: 1_000,
  },
  reconcileIntegrationChanges: {
    stream: 'INTEGRATIONS',
    durable: 'reconcile-integration-changes',
    events: ['integration.changed'],
    ackWaitMs: 60_000,
    maxDeliver: 20,
    maxAckPending: 1_000,
  },
  // apps/alerts: one durable per stream it watches, each taking the whole stream (a stream's other events are
  // acknowledged unread), since one JetStream filter subject names one event or all of them.
  alertsSyncStatus: {
    stream: 'INTEGRATIONS',
    durable: 'alerts-sync-status',
    events: ['integration.sync-status'],
    ackWaitMs: 60_000,
    maxDeliver: 20,
    maxAckPending: 5_000,
  },
  alertsAuthLogs: {
    stream: 'DUO_AUTHLOGS',
    durable: 'alerts-authlogs',
    events: ['duo.authlog'],
    ackWaitMs: 60_000,
    maxDeliver: 20,
    maxAckPending: 20_000,
  },
  alertsDiscovery: {
    stream: 'DISCOVERY',
    durable: 'alerts-discovery',
    events: [
      'discovery.service.discovered',
      'discovery.user.discovered',
      'discovery.service.matched',
      'discovery.account.usage',
    ],
    ackWaitMs: 60_000,
    maxDeliver: 20,
    maxAckPending: 5_000,
  },
  alertsReconcile: {
    stream: 'RECONCILE',
    durable: 'alerts-reconcile',
    events: ['reconcile.reconciliation.updated', 'reconcile.sync-run.updated', 'reconcile.mapping.changed'],
    ackWaitMs: 60_000,
    maxDeliver: 20,
    maxAckPending: 5_000,
  },
} as const satisfies Record<string, ConsumerDefinition>;
