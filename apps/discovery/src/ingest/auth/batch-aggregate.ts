import { activityIdOf } from '../../inventory/activity.repository';
import { utcDay } from '../../inventory/activity-days';
import { serviceIdOf, usageIdOf, userIdOf } from '../../inventory/ids';
import { type AuthFact, isDenial, type Outcome } from './auth-fact';

interface Span {
  count: number;
  first: Date;
  last: Date;
}

export interface ServiceDelta extends Span {
  id: string;
  accountId: string;
  applicationKey: string;
  // The name on the batch's earliest event: what a new service is called.
  name: string;
  successes: number;
  denials: number;
}

export interface UserDelta extends Span {
  id: string;
  accountId: string;
  userKey: string;
  username: string;
}

export interface UsageDelta extends Span {
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
    const delta = upsert(result.services, serviceId, fact, () => ({
      id: serviceId,
      accountId: fact.accountId,
      applicationKey: fact.applicationKey,
      name: fact.applicationName,
      successes: 0,
      denials: 0,
    }));
    if (fact.outcome === 'success') delta.successes++;
    if (isDenial(fact.outcome)) delta.denials++;
    upsert(result.users, userId, fact, () => ({
      id: userId,
      accountId: fact.accountId,
      userKey: fact.userKey,
      username: fact.username,
    }));
    const usageId = usageIdOf(serviceId, fact.userKey);
    upsert(result.usage, usageId, fact, () => ({
      id: usageId,
      accountId: fact.accountId,
      serviceId,
      userId,
      applicationKey: fact.applicationKey,
      userKey: fact.userKey,
    }));
    countDay(result.activity, fact);
  }
  return result;
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

function upsert<T extends Span>(map: Map<string, T>, id: string, fact: AuthFact, create: () => Omit<T, keyof Span>): T {
  let entry = map.get(id);
  if (!entry) {
    entry = { ...create(), count: 0, first: fact.at, last: fact.at } as T;
    map.set(id, entry);
  }
  entry.count++;
  if (fact.at < entry.first) entry.first = fact.at;
  if (fact.at > entry.last) entry.last = fact.at;
  return entry;
}
