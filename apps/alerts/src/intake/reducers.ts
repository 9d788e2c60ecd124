import type { EventPayload } from '@seatwise/shared/contracts/events';
import type {
  AuthLogState,
  DuoSyncState,
  PsaConnectionState,
  RowState,
  ServiceState,
  UsageState,
} from '../sources/source-state';

// Each event folded into the state of its source. null: the event is older than what is stored (or says
// nothing new), so nothing is written and nothing re-evaluated.

export function reduceSyncStatus(
  previous: DuoSyncState | null,
  event: EventPayload<'integration.sync-status'> & { accountId: string },
): DuoSyncState | null {
  if (previous && previous.revision >= event.revision) return null;
  const inError = event.syncStatus === 'error';
  return {
    kind: 'duo-sync',
    revision: event.revision,
    integrationId: event.integrationId,
    accountId: event.accountId,
    syncStatus: event.syncStatus,
    errorCode: event.error?.code ?? null,
    errorMessage: event.error?.message ?? null,
    errorSinceMs: inError ? (previous?.errorSinceMs ?? Date.parse(event.at)) : null,
    behindMs: event.behindMs,
  };
}

// The newest log time and the newest fraud report of a batch of one account's logs.
export interface AuthLogSummary {
  accountId: string;
  lastLogMs: number;
  lastFraud: { ms: number; txid: string; user: string } | null;
}

export function summarizeAuthLogs(events: readonly EventPayload<'duo.authlog'>[]): AuthLogSummary[] {
  const byAccount = new Map<string, AuthLogSummary>();
  for (const { accountId, record } of events) {
    const ms = record.timestamp * 1_000;
    const summary = byAccount.get(accountId) ?? { accountId, lastLogMs: ms, lastFraud: null };
    summary.lastLogMs = Math.max(summary.lastLogMs, ms);
    if (record.result === 'fraud' && (summary.lastFraud === null || summary.lastFraud.ms < ms)) {
      summary.lastFraud = { ms, txid: record.txid, user: record.user.name };
    }
    byAccount.set(accountId, summary);
  }
  return [...byAccount.values()];
}

export function reduceAuthLogs(previous: AuthLogState | null, summary: AuthLogSummary): AuthLogState | null {
  const lastLogMs = Math.max(previous?.lastLogMs ?? 0, summary.lastLogMs);
  const newerFraud =
    summary.lastFraud !== null && (previous?.lastFraudMs ?? -1) < summary.lastFraud.ms ? summary.lastFraud : null;
  if (previous && lastLogMs === previous.lastLogMs && newerFraud === null) return null;
  return {
    kind: 'authlogs',
    accountId: summary.accountId,
    lastLogMs,
    lastFraudMs: newerFraud?.ms ?? previous?.lastFraudMs ?? null,
    lastFraudTxid: newerFraud?.txid ?? previous?.lastFraudTxid ?? null,
    lastFraudUser: newerFraud?.user ?? previous?.lastFraudUser ?? null,
  };
}

// Only finished runs say something about the credentials; the latest finished one wins.
export function reduceSyncRun(
  previous: PsaConnectionState | null,
  event: EventPayload<'reconcile.sync-run.updated'>,
): PsaConnectionState | null {
  if (event.state !== 'complete' && event.state !== 'failed') return null;
  const finishedMs = Date.parse(event.finishedAt ?? event.at);
  if (previous && previous.finishedMs > finishedMs) return null;
  return {
    kind: 'psa',
    connectionId: event.connectionId,
    failedCode: event.state === 'failed' ? (event.error?.code ?? 'UNKNOWN') : null,
    failedMessage: event.state === 'failed' ? (event.error?.message ?? null) : null,
    finishedMs,
  };
}

export function reduceRow(
  previous: RowState | null,
  event: EventPayload<'reconcile.reconciliation.updated'>,
): RowState | null {
  if (previous && previous.revision >= event.revision) return null;
  return {
    kind: 'row',
    revision: event.revision,
    accountId: event.accountId,
    rowId: event.rowId,
    sku: event.sku,
    delta: event.delta,
    type: event.type,
    state: event.state,
    monthlyImpact: event.monthlyImpact,
    currency: event.currency,
  };
}

export function reduceUsage(
  previous: UsageState | null,
  event: EventPayload<'discovery.account.usage'>,
): UsageState | null {
  if (previous && previous.revision >= event.revision) return null;
  return {
    kind: 'usage',
    revision: event.revision,
    accountId: event.accountId,
    reclaimable: event.reclaimable,
    billableUsers: event.billableUsers,
    unusedAfterDays: event.unusedAfterDays,
  };
}

// Discovered (unmatched unless it came with a catalog match) once; a match afterwards settles it for good, so a
// late redelivery of the discovery cannot make it unmatched again.
export function reduceServiceDiscovered(
  previous: ServiceState | null,
  event: EventPayload<'discovery.service.discovered'>,
): ServiceState | null {
  if (previous) return null;
  return {
    kind: 'service',
    accountId: event.accountId,
    serviceId: event.serviceId,
    name: event.name,
    unmatched: event.catalog === null,
  };
}

export function reduceServiceMatched(
  previous: ServiceState | null,
  event: EventPayload<'discovery.service.matched'>,
): ServiceState | null {
  if (previous && !previous.unmatched) return null;
  return {
    kind: 'service',
    accountId: event.accountId,
    serviceId: event.serviceId,
    name: event.name,
    unmatched: false,
  };
}
