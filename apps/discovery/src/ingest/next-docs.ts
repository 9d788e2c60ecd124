import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { ServiceDoc } from '../db/services.repository';
import type { UsageDoc } from '../db/usage.repository';
import { NEVER, type UserDoc } from '../db/users.repository';
import type { ServiceDelta, UsageDelta, UserDelta } from './batch-aggregate';

// A batch's effect on one document, computed in memory from the document as stored (or none):
// counters add up, first seen is the min, last seen the max. Pure, so a re-applied batch computes the
// same documents from the same inputs.

const min = (a: Date | undefined, b: Date): Date => (a && a < b ? a : b);
const max = (a: Date | undefined, b: Date): Date => (a && a > b ? a : b);

export function nextUsage(doc: UsageDoc | undefined, d: UsageDelta, batch: number): UsageDoc {
  if (!doc) {
    return { _id: d.id, accountId: d.accountId, serviceId: d.serviceId, userId: d.userId, applicationKey: d.applicationKey, userKey: d.userKey, firstSeen: d.first, lastSeen: d.last, count: d.count, lastBatch: batch, firstBatch: batch };
  }
  return { ...doc, firstSeen: min(doc.firstSeen, d.first), lastSeen: max(doc.lastSeen, d.last), count: doc.count + d.count, lastBatch: batch };
}

export function nextService(doc: ServiceDoc | undefined, d: ServiceDelta, newUsers: number, batch: number, match: (name: string) => CatalogMatch | null): ServiceDoc {
  if (!doc) {
    const catalog = match(d.name);
    return {
      _id: d.id, accountId: d.accountId, applicationKey: d.applicationKey, name: d.name, status: catalog ? 'known' : 'new', catalog, mergedInto: null,
      firstSeen: d.first, lastSeen: d.last, authCount: d.count, successCount: d.successes, denialCount: d.denials, userCount: newUsers, lastBatch: batch, firstBatch: batch,
    };
  }
  return {
    ...doc,
    firstSeen: min(doc.firstSeen, d.first),
    lastSeen: max(doc.lastSeen, d.last),
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
      _id: d.id, accountId: d.accountId, userKey: d.userKey, username: d.username, groups: [], profileAt: NEVER,
      firstSeen: d.first, lastSeen: d.last, authCount: d.count, serviceCount: newServices, lastBatch: batch, firstLogBatch: batch,
    };
  }
  return {
    ...doc,
    firstSeen: min(doc.firstSeen, d.first),
    lastSeen: max(doc.lastSeen, d.last),
    authCount: doc.authCount + d.count,
    serviceCount: doc.serviceCount + newServices,
    lastBatch: batch,
    firstLogBatch: doc.firstLogBatch ?? batch,
  };
}
