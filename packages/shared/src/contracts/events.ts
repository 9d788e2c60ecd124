import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { deadLetterEventSchema } from './dead-letter';
import {
  accountUsageEventSchema,
  serviceDiscoveredEventSchema,
  serviceMatchedEventSchema,
  userDiscoveredEventSchema,
} from './discovery-events';
import {
  duoAccountSnapshotEventSchema,
  duoAuthLogEventSchema,
  duoUserEventSchema,
  duoUserSnapshotCompleteEventSchema,
} from './duo-events';
import { integrationChangedEventSchema, integrationSyncStatusEventSchema } from './integration-events';
import {
  mappingChangedEventSchema,
  reconciliationUpdatedEventSchema,
  syncRunUpdatedEventSchema,
} from './reconcile-events';
import type { StreamKey } from './streams';

export interface EventDefinition<S extends z.ZodType> {
  schema: S;
  stream: StreamKey;
  description: string;
  // Last subject token: consumers can filter on it (`<prefix>.<event>.<token>`).
  token: (payload: z.output<S>) => string;
  // JetStream msgID: the record's identity, so a re-publish inside the dedupe window is dropped.
  msgId: (payload: z.output<S>) => string;
}

function defineEvent<S extends z.ZodType>(def: EventDefinition<S>): EventDefinition<S> {
  return def;
}

// The typed subject → payload map. The key is the subject stem after the deployment prefix.
export const events = {
  'duo.authlog': defineEvent({
    schema: duoAuthLogEventSchema,
    stream: 'DUO_AUTHLOGS',
    description: 'One raw Duo authentication log record (Admin API v2), as fetched.',
    token: (e) => e.accountId,
    msgId: (e) => `authlog:${e.accountId}:${e.record.txid}`,
  }),
  'duo.users.record': defineEvent({
    schema: duoUserEventSchema,
    stream: 'DUO_USERS',
    description: 'One raw Duo user record, part of a full users snapshot of an account.',
    token: (e) => e.accountId,
    msgId: (e) => `user:${e.accountId}:${e.snapshotId}:${e.record.user_id}`,
  }),
  'duo.users.snapshot-complete': defineEvent({
    schema: duoUserSnapshotCompleteEventSchema,
    stream: 'DUO_USERS',
    description: 'End of a users snapshot: every user of the account was published before it.',
    token: (e) => e.accountId,
    msgId: (e) => `user-snapshot:${e.accountId}:${e.snapshotId}`,
  }),
  'duo.account.snapshot': defineEvent({
    schema: duoAccountSnapshotEventSchema,
    stream: 'DUO_ACCOUNTS',
    description: 'Account name, edition and user counts (incl. pending deletion) as observed.',
    token: (e) => e.accountId,
    msgId: (e) => `account:${e.accountId}:${e.observedAt}`,
  }),
  'discovery.service.discovered': defineEvent({
    schema: serviceDiscoveredEventSchema,
    stream: 'DISCOVERY',
    description: 'A Duo application was seen in an account for the first time.',
    token: (e) => e.accountId,
    msgId: (e) => `service:${e.accountId}:${e.serviceId}`,
  }),
  'discovery.user.discovered': defineEvent({
    schema: userDiscoveredEventSchema,
    stream: 'DISCOVERY',
    description: 'A Duo user was seen authenticating in an account for the first time.',
    token: (e) => e.accountId,
    msgId: (e) => `user:${e.accountId}:${e.userKey}`,
  }),
  'discovery.service.matched': defineEvent({
    schema: serviceMatchedEventSchema,
    stream: 'DISCOVERY',
    description: 'A service was matched to a catalog product, automatically or by a person (see its action log entry).',
    token: (e) => e.accountId,
    msgId: (e) => `service-matched:${e.accountId}:${e.actionId}`,
  }),
  'discovery.account.usage': defineEvent({
    schema: accountUsageEventSchema,
    stream: 'DISCOVERY',
    description: "An account's billable users, active users (7/30/90 days) and reclaimable seats changed.",
    token: (e) => e.accountId,
    msgId: (e) => `account-usage:${e.accountId}:${e.revision}`,
  }),
  'reconcile.reconciliation.updated': defineEvent({
    schema: reconciliationUpdatedEventSchema,
    stream: 'RECONCILE',
    description: 'A reconciliation row (account × service) was created or changed.',
    token: (e) => e.accountId,
    msgId: (e) => `reconciliation:${e.rowId}:${e.revision}`,
  }),
  'reconcile.sync-run.updated': defineEvent({
    schema: syncRunUpdatedEventSchema,
    stream: 'RECONCILE',
    description: 'A PSA sync run was queued, started, completed or failed.',
    token: (e) => e.connectionId,
    msgId: (e) => `sync-run:${e.runId}:${e.revision}`,
  }),
  'reconcile.mapping.changed': defineEvent({
    schema: mappingChangedEventSchema,
    stream: 'RECONCILE',
    description: 'An account or service mapping was created, removed or excluded (by a person or automatically).',
    token: (e) => e.accountId ?? `sku-${e.sku ?? 'none'}`,
    msgId: (e) => `mapping:${e.kind}:${e.accountId ?? e.sku ?? '-'}:${e.revision}`,
  }),
  'integration.sync-status': defineEvent({
    schema: integrationSyncStatusEventSchema,
    stream: 'INTEGRATIONS',
    description: 'Sync status of a Duo integration, or of one account it polls, changed.',
    token: (e) => e.integrationId,
    msgId: (e) => `sync:${e.integrationId}:${e.accountId ?? '-'}:${e.revision}`,
  }),
  'integration.changed': defineEvent({
    schema: integrationChangedEventSchema,
    stream: 'INTEGRATIONS',
    description: 'Someone created, changed, deleted or synced a Duo integration, or tried to: actor and outcome.',
    token: (e) => e.integrationId ?? 'none',
    msgId: (e) => `change:${e.changeId}`,
  }),
  'deadletter.event': defineEvent({
    schema: deadLetterEventSchema,
    stream: 'DEAD_LETTER',
    description: 'An event a consumer rejected (failed validation), with the reason and raw data.',
    token: (e) => e.consumer,
    // The data's hash keeps letters apart that have no stream sequence (e.g. a bad Duo API record).
    msgId: (e) =>
      `deadletter:${e.stream}:${e.consumer}:${e.streamSequence}:${createHash('sha256').update(e.data).digest('hex').slice(0, 24)}`,
  }),
} as const;

export type EventName = keyof typeof events;
export type EventSchema<N extends EventName> = (typeof events)[N]['schema'];
export type EventPayload<N extends EventName> = z.output<EventSchema<N>>;

export function eventDefinition<N extends EventName>(name: N): EventDefinition<EventSchema<N>> {
  return events[name];
}

export const EVENT_NAMES = Object.keys(events) as EventName[];
