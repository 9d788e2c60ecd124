import { activityIdOf } from '../../inventory/activity.repository';
import { utcDay } from '../../inventory/activity-days';
import { serviceIdOf, usageIdOf, userIdOf } from '../../inventory/ids';
import { type AuthFact, denialReasonOf, isDenial, isUse, type Outcome } from './auth-fact';

interface Span {
  count: number;
  first: Date;
  last: Date;
}

// What a batch says about outcomes, for a service, a user or a (service, user) row: successful uses,
// denials (denied and fraud, with Duo's reasons), and when the first and last use and the last denial were.
export interface Outcomes {
  successes: number;
  denied: number;
  fraud: number;
  reasons: Map<string, number>;
  firstSuccess: Date | undefined;
  lastSuccess: Date | undefined;
  lastDenial: Date | undefined;
}

export interface ServiceDelta extends Span, Outcomes {
  id: string;
  accountId: string;
  applicationKey: string;
  // The name on the batch's earliest event: what a new service is called.
  name: string;
}

export interface UserDelta extends Span, Outcomes {
  id: string;
  accountId: string;
  userKey: string;
  username: string;
}

export interface UsageDelta extends Span, Outcomes {
  id: string;
  accountId: string;
  serviceId: string;
  userId: string;
  applicationKey: string;
  userKey: string;
}

// Authentications of one account on one UTC day, per outcome.
export interface ActivityDelta extends Record<Outcome, number> {
  id: string;
  accountId: string;
  day: string;
  total: number;
}

export interface BatchAggregate {
  services: Map<string, ServiceDelta>;
  users: Map<string, UserDelta>;
  usage: Map<string, UsageDelta>;
  activity: Map<string, ActivityDelta>;
}

// Folds a batch of new facts into one delta per service, user, (service, user) and (account, day), so
// each batch costs one bulk write per collection whatever its size. Order-independent: min/max and sums.
export function aggregateFacts(facts: readonly AuthFact[]): BatchAggregate {
  const result: BatchAggregate = { services: new Map(), users: new Map(), usage: new Map(), activity: new Map() };
  for (const fact of facts) {
    const serviceId = serviceIdOf(fact.accountId, fact.applicationKey);
    const userId = userIdOf(fact.accountId, fact.userKey);
    const service = result.services.get(serviceId);
    // A renamed application keeps the name of its earliest event in the batch (order-independent).
    if (service && fact.at < service.first) service.name = fact.applicationName;
    const deltas = [
      upsert(result.services, serviceId, fact, () => ({
        id: serviceId,
        accountId: fact.accountId,
        applicationKey: fact.applicationKey,
        name: fact.applicationName,
      })),
      upsert(result.users, userId, fact, () => ({
        id: userId,
        accountId: fact.accountId,
        userKey: fact.userKey,
        username: fact.username,
      })),
      upsert(result.usage, usageIdOf(serviceId, fact.userKey), fact, () => ({
        id: usageIdOf(serviceId, fact.userKey),
        accountId: fact.accountId,
        serviceId,
        userId,
        applicationKey: fact.applicationKey,
        userKey: fact.userKey,
      })),
    ];
    for (const delta of deltas) countOutcome(delta, fact);
    countDay(result.activity, fact);
  }
  return result;
}

export function countOutcome(delta: Outcomes, fact: AuthFact): void {
  if (isUse(fact)) {
    delta.successes++;
    if (!delta.firstSuccess || fact.at < delta.firstSuccess) delta.firstSuccess = fact.at;
    if (!delta.lastSuccess || fact.at > delta.lastSuccess) delta.lastSuccess = fact.at;
  }
  if (!isDenial(fact.outcome)) return;
  if (fact.outcome === 'fraud') delta.fraud++;
  else delta.denied++;
  const reason = denialReasonOf(fact);
  delta.reasons.set(reason, (delta.reasons.get(reason) ?? 0) + 1);
  if (!delta.lastDenial || fact.at > delta.lastDenial) delta.lastDenial = fact.at;
}

function countDay(activity: Map<string, ActivityDelta>, fact: AuthFact): void {
  const day = utcDay(fact.at);
  const id = activityIdOf(fact.accountId, day);
  let delta = activity.get(id);
  if (!delta) {
    delta = { id, accountId: fact.accountId, day, total: 0, success: 0, denied: 0, fraud: 0, other: 0 };
    activity.set(id, delta);
  }
  delta.total++;
  delta[fact.outcome]++;
}

const noOutcomes = (): Outcomes => ({
  successes: 0,
  denied: 0,
  fraud: 0,
  reasons: new Map(),
  firstSuccess: undefined,
  lastSuccess: undefined,
  lastDenial: undefined,
});

function upsert<T extends Span & Outcomes>(
  map: Map<string, T>,
  id: string,
  fact: AuthFact,
  create: () => Omit<T, keyof Span | keyof Outcomes>,
): T {
  let entry = map.get(id);
  if (!entry) {
    entry = { ...create(), ...noOutcomes(), count: 0, first: fact.at, last: fact.at } as T;
    map.set(id, entry);
  }
  entry.count++;
  if (fact.at < entry.first) entry.first = fact.at;
  if (fact.at > entry.last) entry.last = fact.at;
  return entry;
}
