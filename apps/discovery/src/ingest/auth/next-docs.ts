import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { ActivityDoc } from '../../inventory/activity.repository';
import type { ServiceDoc } from '../../inventory/services.repository';
import type { UsageDoc } from '../../inventory/usage.repository';
import { NEVER, type UserDoc } from '../../inventory/users.repository';
import type { ActivityDelta, ServiceDelta, UsageDelta, UserDelta } from './batch-aggregate';

// A batch's effect on one document, computed in memory from the document as stored (or, for a new
// one, from a document that starts with the batch's span and zero counts): counters add up, first
// seen is the min, last seen the max. Pure, so a re-applied batch computes the same documents from the
// same inputs.

const min = (a: Date | undefined, b: Date): Date => (a && a < b ? a : b);
const max = (a: Date | undefined, b: Date): Date => (a && a > b ? a : b);

interface Seen {
  firstSeen?: Date | undefined;
  lastSeen: Date;
}

// The span a new document starts with, and an existing one's widened by the batch.
const spanOf = (d: { first: Date; last: Date }): Required<Seen> => ({ firstSeen: d.first, lastSeen: d.last });
const widened = (doc: Seen, d: { first: Date; last: Date }): Required<Seen> => ({
  firstSeen: min(doc.firstSeen, d.first),
  lastSeen: max(doc.lastSeen, d.last),
});

export function nextUsage(doc: UsageDoc | undefined, d: UsageDelta, batch: number): UsageDoc {
  const from = doc ?? {
    _id: d.id,
    accountId: d.accountId,
    serviceId: d.serviceId,
    userId: d.userId,
    applicationKey: d.applicationKey,
    userKey: d.userKey,
    ...spanOf(d),
    count: 0,
    lastBatch: batch,
    firstBatch: batch,
  };
  return { ...from, ...widened(from, d), count: from.count + d.count, lastBatch: batch };
}

export function nextService(
  doc: ServiceDoc | undefined,
  d: ServiceDelta,
  newUsers: number,
  batch: number,
  match: (name: string) => CatalogMatch | null,
): ServiceDoc {
  const from = doc ?? newService(d, batch, match(d.name));
  return {
    ...from,
    ...widened(from, d),
    authCount: from.authCount + d.count,
    successCount: from.successCount + d.successes,
    denialCount: from.denialCount + d.denials,
    userCount: from.userCount + newUsers,
    lastBatch: batch,
  };
}

function newService(d: ServiceDelta, batch: number, catalog: CatalogMatch | null): ServiceDoc {
  return {
    _id: d.id,
    accountId: d.accountId,
    applicationKey: d.applicationKey,
    name: d.name,
    status: catalog ? 'known' : 'new',
    catalog,
    mergedInto: null,
    ...spanOf(d),
    authCount: 0,
    successCount: 0,
    denialCount: 0,
    userCount: 0,
    lastBatch: batch,
    firstBatch: batch,
  };
}

// A user may exist from a users snapshot before the logs show it (lastSeen NEVER, no firstSeen).
export function nextUser(doc: UserDoc | undefined, d: UserDelta, newServices: number, batch: number): UserDoc {
  const from = doc ?? {
    _id: d.id,
    accountId: d.accountId,
    userKey: d.userKey,
    username: d.username,
    groups: [],
    profileAt: NEVER,
    ...spanOf(d),
    authCount: 0,
    serviceCount: 0,
    lastBatch: batch,
  };
  return {
    ...from,
    ...widened(from, d),
    authCount: from.authCount + d.count,
    serviceCount: from.serviceCount + newServices,
    lastBatch: batch,
    firstLogBatch: from.firstLogBatch ?? batch,
  };
}

export function nextActivity(doc: ActivityDoc | undefined, d: ActivityDelta, batch: number): ActivityDoc {
  const from = doc ?? {
    _id: d.id,
    accountId: d.accountId,
    day: d.day,
    total: 0,
    success: 0,
    denied: 0,
    fraud: 0,
    other: 0,
  };
  return {
    ...from,
    total: from.total + d.total,
    success: from.success + d.success,
    denied: from.denied + d.denied,
    fraud: from.fraud + d.fraud,
    other: from.other + d.other,
    lastBatch: batch,
  };
}
