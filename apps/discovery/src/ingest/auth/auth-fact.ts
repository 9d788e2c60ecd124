import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';

// Duo's results (success | denied | fraud); anything else Duo may report is `other`.
export type Outcome = 'success' | 'denied' | 'fraud' | 'other';

// One auth-log record reduced to what the inventories need; stored once per (account, txid), which is
// what makes a redelivered or replayed event count zero times.
export interface AuthFact {
  _id: string;
  accountId: string;
  applicationKey: string;
  applicationName: string;
  userKey: string;
  username: string;
  at: Date;
  outcome: Outcome;
  // Duo's event type (authentication, enrollment, ...): only an authentication is a use.
  eventType: string;
  // Duo's reason (why denied, how approved); null when Duo gives none.
  reason: string | null;
}

const factIdOf = (accountId: string, txid: string): string => `${accountId}\t${txid}`;

export function toFact(event: DuoAuthLogEvent): AuthFact {
  const { record } = event;
  return {
    _id: factIdOf(event.accountId, record.txid),
    accountId: event.accountId,
    applicationKey: record.application.key,
    applicationName: record.application.name,
    userKey: record.user.key,
    username: record.user.name,
    at: new Date(record.timestamp * 1000),
    outcome: outcomeOf(record.result),
    eventType: record.event_type,
    reason: record.reason ?? null,
  };
}

// A user uses a service when they authenticated to it successfully: an enrollment, even a successful
// one, is not a use.
export const isUse = (fact: Pick<AuthFact, 'outcome' | 'eventType'>): boolean =>
  fact.outcome === 'success' && fact.eventType === 'authentication';

// The reason a denial is counted under (Duo may leave it out).
export const denialReasonOf = (fact: Pick<AuthFact, 'reason'>): string => fact.reason ?? 'unknown';

export function outcomeOf(result: string): Outcome {
  return result === 'success' || result === 'denied' || result === 'fraud' ? result : 'other';
}

// Fraud is a denial Duo flagged as such (the services count both as denials); anything unknown is
// counted as an authentication only.
export const isDenial = (outcome: Outcome): boolean => outcome === 'denied' || outcome === 'fraud';

// The same record delivered twice in one batch is one fact.
export function uniqueFacts(facts: readonly AuthFact[]): AuthFact[] {
  const byId = new Map<string, AuthFact>();
  for (const fact of facts) if (!byId.has(fact._id)) byId.set(fact._id, fact);
  return [...byId.values()];
}
