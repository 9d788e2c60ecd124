// What the alerts service remembers of each thing it watches, derived from events only (it reads no other
// service's database). One document per source; rules are evaluated against the latest state, never against a
// single event, so a redelivered or out-of-order event cannot reopen what a later one resolved.

export interface DuoSyncState {
  kind: 'duo-sync';
  // The status event's revision: an older one arriving late is dropped.
  revision: number;
  integrationId: string;
  accountId: string;
  syncStatus: string;
  errorCode: string | null;
  errorMessage: string | null;
  // When the account entered `error` (ms), kept while it stays there; null when not in error.
  errorSinceMs: number | null;
  behindMs: number | null;
}

export interface AuthLogState {
  kind: 'authlogs';
  accountId: string;
  // Newest authentication time seen (ms, Duo's timestamp).
  lastLogMs: number;
  // Newest authentication reported as fraud (ms) and its transaction, or null.
  lastFraudMs: number | null;
  lastFraudTxid: string | null;
  lastFraudUser: string | null;
}

export interface PsaConnectionState {
  kind: 'psa';
  connectionId: string;
  // The latest finished run: its error code (null when it completed) and when it finished (ms).
  failedCode: string | null;
  failedMessage: string | null;
  finishedMs: number;
}

export interface RowState {
  kind: 'row';
  revision: number;
  accountId: string;
  rowId: string;
  sku: string;
  delta: number;
  type: string;
  state: string;
  monthlyImpact: number | null;
  currency: string | null;
}

export interface UsageState {
  kind: 'usage';
  revision: number;
  accountId: string;
  reclaimable: number;
  billableUsers: number;
  unusedAfterDays: number;
}

export interface ServiceState {
  kind: 'service';
  accountId: string;
  serviceId: string;
  name: string;
  unmatched: boolean;
}

export type SourceState = DuoSyncState | AuthLogState | PsaConnectionState | RowState | UsageState | ServiceState;
export type SourceKind = SourceState['kind'];

export function sourceId(state: SourceState): string {
  switch (state.kind) {
    case 'duo-sync':
      return `duo-sync:${state.integrationId}:${state.accountId}`;
    case 'authlogs':
      return `authlogs:${state.accountId}`;
    case 'psa':
      return `psa:${state.connectionId}`;
    case 'row':
      return `row:${state.rowId}`;
    case 'usage':
      return `usage:${state.accountId}`;
    case 'service':
      return `service:${state.accountId}:${state.serviceId}`;
  }
}

export function accountOf(state: SourceState): string | null {
  return state.kind === 'psa' ? null : state.accountId;
}
