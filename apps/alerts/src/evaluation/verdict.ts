import type { AlertRuleCondition, AlertRuleKind } from '@seatwise/shared/contracts/alerts-views';
import type { SourceKind, SourceState } from '../sources/source-state';

type Fact = string | number | boolean | null;

// Whether a rule's condition holds for one source now. `key` names the condition within the rule: one alert per
// (rule, key) while it holds.
export interface Verdict {
  key: string;
  accountId: string | null;
  active: boolean;
  title: string;
  detail: string;
  facts: Record<string, Fact>;
}

const MINUTE_MS = 60_000;
const DUO_CREDENTIAL_CODES: ReadonlySet<string> = new Set(['CONNECTOR.DUO_UNAUTHORIZED', 'CONNECTOR.DUO_FORBIDDEN']);
const PSA_CREDENTIAL_CODES: ReadonlySet<string> = new Set(['RECONCILE.PSA_CREDENTIALS_INVALID']);
// Rows a person still has to act on; applied, dismissed or unchanged rows are no discrepancy any more.
const OPEN_ROW_STATES: ReadonlySet<string> = new Set(['pending', 'failed']);
const DISCREPANCY_TYPES: ReadonlySet<string> = new Set(['new_revenue', 'under_billed', 'over_billed']);

// Which sources each rule kind reads.
export const SOURCES_OF: Readonly<Record<AlertRuleKind, readonly SourceKind[]>> = {
  sync_error: ['duo-sync'],
  credentials_rejected: ['duo-sync', 'psa'],
  account_behind: ['duo-sync'],
  logs_silent: ['authlogs'],
  discrepancy: ['row'],
  reclaimable_seats: ['usage'],
  unmatched_service: ['service'],
  fraud_report: ['authlogs'],
};

// Kinds whose condition changes with time alone, so the timer re-evaluates them.
export const TIMED_KINDS: readonly AlertRuleKind[] = ['sync_error', 'logs_silent', 'fraud_report'];

export function kindsReading(source: SourceKind): AlertRuleKind[] {
  return (Object.keys(SOURCES_OF) as AlertRuleKind[]).filter((kind) => SOURCES_OF[kind].includes(source));
}

// null: the rule does not read this source.
export function verdictOf(condition: AlertRuleCondition, state: SourceState, nowMs: number): Verdict | null {
  switch (condition.kind) {
    case 'sync_error':
      if (state.kind !== 'duo-sync') return null;
      return syncError(condition.minutes, state, nowMs);
    case 'credentials_rejected':
      if (state.kind === 'duo-sync') return duoCredentials(state);
      if (state.kind === 'psa') return psaCredentials(state);
      return null;
    case 'account_behind':
      return state.kind === 'duo-sync' ? behind(condition.minutes, state) : null;
    case 'logs_silent':
      return state.kind === 'authlogs' ? silent(condition.minutes, state, nowMs) : null;
    case 'discrepancy':
      return state.kind === 'row' ? discrepancy(condition, state) : null;
    case 'reclaimable_seats':
      return state.kind === 'usage' ? reclaimable(condition.seats, state) : null;
    case 'unmatched_service':
      return state.kind === 'service' ? unmatched(state) : null;
    case 'fraud_report':
      return state.kind === 'authlogs' ? fraud(condition.minutes, state, nowMs) : null;
  }
}

type Of<K extends SourceKind> = Extract<SourceState, { kind: K }>;

function syncError(minutes: number, state: Of<'duo-sync'>, nowMs: number): Verdict {
  const since = state.errorSinceMs;
  const forMs = since === null ? 0 : nowMs - since;
  return {
    key: `${state.integrationId}:${state.accountId}`,
    accountId: state.accountId,
    active: since !== null && forMs >= minutes * MINUTE_MS,
    title: `Duo sync of account ${state.accountId} in error`,
    detail:
      since === null
        ? `The sync of account ${state.accountId} is ${state.syncStatus} again.`
        : `The sync of account ${state.accountId} has been in error for ${Math.round(forMs / MINUTE_MS)} min: ${state.errorCode ?? 'unknown'} ${state.errorMessage ?? ''}`.trim(),
    facts: {
      integrationId: state.integrationId,
      syncStatus: state.syncStatus,
      errorCode: state.errorCode,
      errorSince: since === null ? null : new Date(since).toISOString(),
      thresholdMinutes: minutes,
    },
  };
}

function duoCredentials(state: Of<'duo-sync'>): Verdict {
  const rejected = state.errorCode !== null && DUO_CREDENTIAL_CODES.has(state.errorCode);
  return {
    key: `duo:${state.integrationId}:${state.accountId}`,
    accountId: state.accountId,
    active: rejected,
    title: `Duo rejected the credentials for account ${state.accountId}`,
    detail: rejected
      ? `Duo answered ${state.errorCode}: ${state.errorMessage ?? ''}`.trim()
      : `Duo accepts the credentials of account ${state.accountId} again.`,
    facts: { source: 'duo', integrationId: state.integrationId, errorCode: rejected ? state.errorCode : null },
  };
}

function psaCredentials(state: Of<'psa'>): Verdict {
  const rejected = state.failedCode !== null && PSA_CREDENTIAL_CODES.has(state.failedCode);
  return {
    key: `psa:${state.connectionId}`,
    accountId: null,
    active: rejected,
    title: `The PSA rejected the credentials of connection ${state.connectionId}`,
    detail: rejected
      ? `A sync run failed with ${state.failedCode}: ${state.failedMessage ?? ''}`.trim()
      : `A sync run of connection ${state.connectionId} completed again.`,
    facts: { source: 'psa', connectionId: state.connectionId, errorCode: rejected ? state.failedCode : null },
  };
}

function behind(minutes: number, state: Of<'duo-sync'>): Verdict {
  const behindMs = state.behindMs ?? 0;
  return {
    key: `${state.integrationId}:${state.accountId}`,
    accountId: state.accountId,
    active: behindMs > minutes * MINUTE_MS,
    title: `Duo account ${state.accountId} is behind`,
    detail: `The sync of account ${state.accountId} is ${Math.round(behindMs / MINUTE_MS)} min behind (threshold ${minutes} min).`,
    facts: { integrationId: state.integrationId, behindMs: state.behindMs, thresholdMinutes: minutes },
  };
}

function silent(minutes: number, state: Of<'authlogs'>, nowMs: number): Verdict {
  const silentMs = Math.max(0, nowMs - state.lastLogMs);
  return {
    key: state.accountId,
    accountId: state.accountId,
    active: silentMs >= minutes * MINUTE_MS,
    title: `No authentication logs from account ${state.accountId}`,
    detail: `The last authentication log of account ${state.accountId} is from ${new Date(state.lastLogMs).toISOString()}.`,
    facts: { lastLogAt: new Date(state.lastLogMs).toISOString(), thresholdMinutes: minutes },
  };
}

function discrepancy(condition: Extract<AlertRuleCondition, { kind: 'discrepancy' }>, state: Of<'row'>): Verdict {
  const open = OPEN_ROW_STATES.has(state.state) && DISCREPANCY_TYPES.has(state.type);
  const seatsOver = Math.abs(state.delta) >= condition.seats;
  const moneyOver =
    condition.monthlyImpact !== undefined &&
    state.monthlyImpact !== null &&
    Math.abs(state.monthlyImpact) >= condition.monthlyImpact;
  return {
    key: state.rowId,
    accountId: state.accountId,
    active: open && (seatsOver || moneyOver),
    title: `Discrepancy of ${state.delta} seats on ${state.sku} for account ${state.accountId}`,
    detail: `Reconciliation row ${state.rowId} is ${state.type} (${state.state}): delta ${state.delta}${
      state.monthlyImpact === null ? '' : `, ${state.monthlyImpact} ${state.currency ?? ''} a month`
    }.`,
    facts: {
      rowId: state.rowId,
      sku: state.sku,
      delta: state.delta,
      type: state.type,
      state: state.state,
      monthlyImpact: state.monthlyImpact,
      currency: state.currency,
      thresholdSeats: condition.seats,
      thresholdMonthlyImpact: condition.monthlyImpact ?? null,
    },
  };
}

function reclaimable(seats: number, state: Of<'usage'>): Verdict {
  return {
    key: state.accountId,
    accountId: state.accountId,
    active: state.reclaimable > seats,
    title: `${state.reclaimable} reclaimable seats in account ${state.accountId}`,
    detail: `${state.reclaimable} of ${state.billableUsers} billable users could be reclaimed (unused for ${state.unusedAfterDays} days, never enrolled or only denied); threshold ${seats}.`,
    facts: { reclaimable: state.reclaimable, billableUsers: state.billableUsers, thresholdSeats: seats },
  };
}

function unmatched(state: Of<'service'>): Verdict {
  return {
    key: `${state.accountId}:${state.serviceId}`,
    accountId: state.accountId,
    active: state.unmatched,
    title: `New unmatched service "${state.name}" in account ${state.accountId}`,
    detail: state.unmatched
      ? `Service ${state.name} matches no catalog product.`
      : `Service ${state.name} was matched to a catalog product.`,
    facts: { serviceId: state.serviceId, name: state.name },
  };
}

function fraud(minutes: number, state: Of<'authlogs'>, nowMs: number): Verdict {
  const last = state.lastFraudMs;
  return {
    key: state.accountId,
    accountId: state.accountId,
    active: last !== null && nowMs - last < minutes * MINUTE_MS,
    title: `Fraud reported in account ${state.accountId}`,
    detail:
      last === null
        ? `No fraud report in account ${state.accountId}.`
        : `User ${state.lastFraudUser ?? 'unknown'} reported an authentication as fraud (${state.lastFraudTxid ?? ''}) at ${new Date(last).toISOString()}.`,
    facts: {
      lastFraudAt: last === null ? null : new Date(last).toISOString(),
      txid: state.lastFraudTxid,
      user: state.lastFraudUser,
      quietMinutes: minutes,
    },
  };
}
