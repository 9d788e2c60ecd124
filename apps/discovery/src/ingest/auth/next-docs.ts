import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { ServiceDoc } from '../../inventory/services.repository';
import type { UsageDoc } from '../../inventory/usage.repository';
import { NEVER, type UserDoc } from '../../inventory/users.repository';
import type { ServiceDelta, UsageDelta, UserDelta } from './batch-aggregate';

// A batch's effect on one document, computed in memory from the document as stored (or none):
// counters add up, first seen is the min, last seen the max. Pure, so a re-applied batch computes the
// same documents from the same inputs.

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
  if (!doc) {
    return {
      _id: d.id,
      accountId: d.accountId,
      serviceId: d.serviceId,
      userId: d.userId,
      applicationKey: d.applicationKey,
      userKey: d.userKey,
      ...spanOf(d),
      count: d.count,
      lastBatch: batch,
      firstBatch: batch,
    };
  }
  return {
    ...doc,
    ...widened(doc, d),
    count: doc.count + d.count,
    lastBatch: batch,
  };
}

export function nextService(
  doc: ServiceDoc | undefined,
  d: ServiceDelta,
  newUsers: number,
  batch: number,
  match: (name: string) => CatalogMatch | null,
): ServiceDoc {
  if (!doc) {
    const catalog = match(d.name);
    return {
      _id: d.id,
      accountId: d.accountId,
      applicationKey: d.applicationKey,
      name: d.name,
      status: catalog ? 'known' : 'new',
      catalog,
      mergedInto: null,
      ...spanOf(d),
      authCount: d.count,
      successCount: d.successes,
      denialCount: d.denials,
      userCount: newUsers,
      lastBatch: batch,
      firstBatch: batch,
    };
  }
  return {
    ...doc,
    ...widened(doc, d),
    authCount: doc.authCount + d.count,
    successCount: doc.successCount + d.successes,
    denialCount: doc.denialCount + d.denials,
    userCount: doc.userCount + newUsers,
    lastBatch: batch,
  };
}

// A user may exist from a users snapshot before the logs show it (lastSeen NEVER, no firstSeen).
export function nextUser(doc: UserDoc | undefined, d: UserDelta, newServices: number, batch: number): UserDoc {
  if (!doc) {
    return {
      _id: d.id,
      accountId: d.accountId,
      userKey: d.userKey,
      username: d.username,
      groups: [],
      profileAt: NEVER,
      ...spanOf(d),
      authCount: d.count,
      serviceCount: newServices,
      lastBatch: batch,
      firstLogBatch: batch,
    };
  }
  return {
    ...doc,
    ...widened(doc, d),
    authCount: doc.authCount + d.count,
    serviceCount: doc.serviceCount + newServices,
    lastBatch: batch,
    firstLogBatch: doc.firstLogBatch ?? batch,
  };
}
