import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { ActivityDoc } from '../../inventory/activity.repository';
import { groupKeyOf } from '../../inventory/group-key';
import { addOutcomes, NO_OUTCOMES, type OutcomeTotals } from '../../inventory/outcome-totals';
import type { ServiceDoc } from '../../inventory/services.repository';
import type { UsageDoc } from '../../inventory/usage.repository';
import { NEVER } from '../../inventory/never';
import type { UserDoc } from '../../inventory/users.repository';
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

// A row's first use is kept apart: the batch that made a (service, user) row a use counts one more user of
// the service and one more service of the user (firstSuccessBatch; 0 while the row has no success).
export function nextUsage(doc: UsageDoc | undefined, d: UsageDelta, batch: number): UsageDoc {
  const from: UsageDoc = doc ?? {
    _id: d.id,
    accountId: d.accountId,
    serviceId: d.serviceId,
    userId: d.userId,
    applicationKey: d.applicationKey,
    userKey: d.userKey,
    ...spanOf(d),
    count: 0,
    ...NO_OUTCOMES,
    firstSuccess: NEVER,
    firstSuccessBatch: 0,
    lastBatch: batch,
    firstBatch: batch,
  };
  const firstUse = from.successCount === 0 && d.successes > 0;
  return {
    ...from,
    ...widened(from, d),
    count: from.count + d.count,
    ...addOutcomes(from, d),
    firstSuccess: earliestSuccess(from, d),
    firstSuccessBatch: firstUse ? batch : from.firstSuccessBatch,
    lastBatch: batch,
  };
}

// The earliest successful use, whichever batch brings it: a later batch may hold an earlier event (a redelivery, a
// message another replica handed back, a backfill). Only the batch of the first use set it before, so the result
// depended on how the stream was cut into batches (found re-deriving under load: 221 rows differed).
function earliestSuccess(from: UsageDoc, d: UsageDelta): Date {
  if (d.successes === 0 || !d.firstSuccess) return from.firstSuccess;
  return from.successCount === 0 ? d.firstSuccess : min(from.firstSuccess, d.firstSuccess);
}

// New users: `users` made their first successful use in this batch, `attempted` made their first attempt.
export interface NewUsers {
  users: number;
  attempted: number;
}

export function nextService(
  doc: ServiceDoc | undefined,
  d: ServiceDelta,
  added: NewUsers,
  batch: number,
  match: (name: string) => CatalogMatch | null,
): ServiceDoc {
  const from = doc ?? newService(d, batch, match(d.name));
  return {
    ...from,
    ...widened(from, d),
    authCount: from.authCount + d.count,
    ...addOutcomes(from, d),
    userCount: from.userCount + added.users,
    attemptedUserCount: from.attemptedUserCount + added.attempted,
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
    catalogLocked: false,
    groupKey: groupKeyOf(catalog, d.name),
    mergedInto: null,
    ...spanOf(d),
    authCount: 0,
    ...NO_OUTCOMES,
    userCount: 0,
    attemptedUserCount: 0,
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
    ...NO_OUTCOMES,
    serviceCount: 0,
    lastBatch: batch,
  };
  return {
    ...from,
    ...widened(from, d),
    authCount: from.authCount + d.count,
    ...addOutcomes(withOutcomes(from), d),
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

// A user written by a users snapshot before the logs showed it (or by a version before outcomes) has none yet.
function withOutcomes(doc: UserDoc): UserDoc & OutcomeTotals {
  return { ...NO_OUTCOMES, ...doc };
}
