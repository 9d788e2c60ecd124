import { Injectable } from '@nestjs/common';
import type { PageFinder } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { AccountMembersRepository } from './account-members.repository';
import { type Scope, usageIdOfIds } from './ids';
import { InventoryRepository } from './inventory.repository';
import { NEVER } from './never';
import { NO_OUTCOMES, type OutcomeTotals } from './outcome-totals';

// One row per (service, user): the source of distinct-user counts and of active users over a window.
// `count` is every attempt; the outcome totals split it.
export interface UsageDoc extends OutcomeTotals {
  _id: string;
  accountId: string;
  serviceId: string;
  userId: string;
  applicationKey: string;
  userKey: string;
  firstSeen: Date;
  lastSeen: Date;
  count: number;
  firstSuccess: Date;
  // The batch of the row's first successful use; 0 while it has none.
  firstSuccessBatch: number;
  lastBatch: number;
  firstBatch: number;
}

const ABSENT: Partial<UsageDoc> = { ...NO_OUTCOMES, firstSuccess: NEVER, firstSuccessBatch: 0 };

// One service's rows, or one user's.
export type UsageOf = { serviceId: string } | { userId: string };

// A service's or a user's rows are read among their possible ids on FerretDB 1.x: a row's id is its service's id and
// its user's key, so the account's user list gives every row a service may have, its service list every row of a
// user (see AccountMembersRepository.narrowing).
@Injectable()
export class UsageRepository extends InventoryRepository<UsageDoc> {
  constructor(
    connection: MongoConnection,
    private readonly members: AccountMembersRepository,
  ) {
    // Sorting by count reads one service's (or user's) rows through these too: bounded by its users.
    super(
      connection,
      'usage',
      [
        { serviceId: 1, lastSeen: 1, _id: 1 },
        { userId: 1, lastSeen: 1, _id: 1 },
      ],
      ABSENT,
    );
  }

  // The rows are all derived: a re-derivation starts from none.
  async clear(): Promise<void> {
    await this.collection.deleteMany({});
  }

  // How many of the service's users used it (successfully) at or after each of `since`, in one pass over its rows
  // (an equality on the index's leading field, lastSeen alone read): three range counts cost three
  // index scans, and on FerretDB 2 / DocumentDB a range on lastSeen scans far beyond the service.
  async countActive(scope: Scope, serviceId: string, since: readonly Date[]): Promise<number[]> {
    const counts = since.map(() => 0);
    const ids = await this.possibleIds(scope, { serviceId });
    if (ids?.length === 0) return counts;
    const rows = this.collection.find(
      { ...(ids ? { _id: { $in: ids } } : {}), serviceId, accountId: scope.accountId },
      { projection: { _id: 0, lastSuccess: 1 }, batchSize: 5_000 },
    );
    for await (const row of rows) {
      since.forEach((from, i) => {
        if (row.lastSuccess >= from) counts[i] = (counts[i] ?? 0) + 1;
      });
    }
    return counts;
  }

  // The rows of one service or one user, in pages (findPage), the filter given to the finder added to `of`.
  finderOf(scope: Scope, of: UsageOf): PageFinder<UsageDoc> {
    return async (filter, sort, limit) =>
      this.findAmong(await this.possibleIds(scope, of), scope, { ...filter, ...of }, sort, limit);
  }

  // Every id a row of the service or user could have, or null where the server's own filter is as fast.
  private async possibleIds(scope: Scope, of: UsageOf): Promise<string[] | null> {
    if ('serviceId' in of) {
      const users = await this.members.narrowing('users', scope);
      return users && users.map((userId) => usageIdOfIds(of.serviceId, userId));
    }
    const services = await this.members.narrowing('services', scope);
    return services && services.map((serviceId) => usageIdOfIds(serviceId, of.userId));
  }
}
