import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { Scope } from './ids';
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

@Injectable()
export class UsageRepository extends InventoryRepository<UsageDoc> {
  constructor(connection: MongoConnection) {
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
    const rows = this.collection.find(
      { serviceId, accountId: scope.accountId },
      { projection: { _id: 0, lastSuccess: 1 }, batchSize: 5_000 },
    );
    for await (const row of rows) {
      since.forEach((from, i) => {
        if (row.lastSuccess >= from) counts[i] = (counts[i] ?? 0) + 1;
      });
    }
    return counts;
  }
}
