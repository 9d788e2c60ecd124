import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { mongo } from 'mongoose';
import type { AccountsScope } from './account-counts';
import { InventoryRepository } from './inventory.repository';

// Authentications of one account on one UTC day. Written by the auth-log batches like the other
// inventories (planned from the document as stored, replaced or rewritten whole), so a batch applied
// again after a crash leaves the same counts. `_id` is `<accountId>|<day>`: the batch reads and
// writes by `_id` only (FerretDB 1.x scans for any other filter).
export interface ActivityDoc {
  _id: string;
  accountId: string;
  // YYYY-MM-DD (UTC).
  day: string;
  total: number;
  success: number;
  denied: number;
  fraud: number;
  // Any other result Duo reports (counted in total).
  other: number;
  // The journal batch that last changed the document.
  lastBatch: number;
}

// What the activity query reads of a document.
export type DayCounts = Pick<ActivityDoc, 'day' | 'total' | 'success' | 'denied' | 'fraud'>;

export const activityIdOf = (accountId: string, day: string): string => `${accountId}|${day}`;

@Injectable()
export class ActivityRepository extends InventoryRepository<ActivityDoc> {
  constructor(connection: MongoConnection) {
    super(connection, 'auth_activity', [{ accountId: 1, day: 1 }, { day: 1 }]);
  }

  // Day counts are derived from the journal's facts alone: a re-derivation starts from none.
  async clear(): Promise<void> {
    await this.collection.deleteMany({});
  }

  // The days from `from` to `to` (inclusive) of one account, or of every account (the overview's
  // explicitly cross-tenant read, like the account summary). Bounded: accounts × days of the window.
  days(scope: AccountsScope, from: string, to: string): Promise<DayCounts[]> {
    const filter: mongo.Filter<ActivityDoc> = { ...scope, day: { $gte: from, $lte: to } };
    const projection = { _id: 0, day: 1, total: 1, success: 1, denied: 1, fraud: 1 };
    return this.collection.find<DayCounts>(filter, { projection }).toArray();
  }
}
