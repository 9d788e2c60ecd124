import { Injectable } from '@nestjs/common';
import { chunks } from '@seatwise/platform/db/chunks';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { DUO_USER_STATUSES } from '@seatwise/shared/contracts/duo-records';
import type { mongo } from 'mongoose';
import { type AccountCount, type AccountsScope, countPerAccount } from './account-counts';
import { bulkWriteInChunks } from './bulk-docs';
import type { Scope } from './ids';
import { InventoryRepository } from './inventory.repository';
import { NEVER } from './never';
import { NO_OUTCOMES, type OutcomeTotals } from './outcome-totals';
import { listIndexes } from './scoped.repository';

type DuoUserStatus = (typeof DUO_USER_STATUSES)[number];

export interface UserProfile {
  username: string;
  realName: string | null;
  email: string | null;
  status: DuoUserStatus;
  enrolled: boolean;
  lastLogin: Date | null;
  groups: string[];
  snapshotId: string;
}

export interface UserDoc extends Partial<Omit<UserProfile, 'username'>>, OutcomeTotals {
  _id: string;
  accountId: string;
  userKey: string;
  username: string;
  // When the profile was observed in a users snapshot; NEVER until one was.
  profileAt: Date;
  removedAt?: Date | null;
  firstSeen?: Date;
  lastSeen: Date;
  authCount: number;
  serviceCount: number;
  lastBatch: number;
  firstLogBatch?: number;
}

export interface ProfileUpdate {
  id: string;
  accountId: string;
  userKey: string;
  observedAt: Date;
  profile: UserProfile;
}

@Injectable()
export class UsersRepository extends InventoryRepository<UserDoc> {
  constructor(connection: MongoConnection) {
    super(
      connection,
      'users',
      listIndexes(['lastSeen', 'username', 'authCount', 'serviceCount', 'lastSuccess']),
      NO_OUTCOMES,
    );
  }

  // Zeroes what the auth logs derived, keeping the profiles, the first/last seen span and the batch of
  // the first log (so a re-derivation announces no user again).
  async resetDerived(): Promise<void> {
    await this.collection.updateMany({}, { $set: { authCount: 0, serviceCount: 0, ...NO_OUTCOMES, lastBatch: 0 } });
  }

  // The account's users matching `filter`, streamed in pages by _id (the seat counts read them whole:
  // FerretDB 1.24 scans for any filter but _id anyway, and one pass answers every figure).
  async *ofAccount(scope: Scope, filter: mongo.Filter<UserDoc> = {}): AsyncGenerator<UserDoc> {
    const docs = this.collection.find({ ...filter, accountId: scope.accountId }, { batchSize: 5_000 });
    for await (const doc of docs) yield this.filled(doc);
  }

  // Applies snapshot profiles, each only over an older one (a replayed old snapshot changes nothing).
  async applyProfiles(updates: readonly ProfileUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    const seen = new Map<string, Date>();
    for (const chunk of chunks(updates, 1_000)) {
      const docs = await this.collection
        .find({ _id: { $in: chunk.map((u) => u.id) } }, { projection: { profileAt: 1 } })
        .toArray();
      for (const doc of docs) seen.set(doc._id, doc.profileAt);
    }
    const ops: mongo.AnyBulkWriteOperation<UserDoc>[] = updates
      .filter((u) => (seen.get(u.id) ?? NEVER) <= u.observedAt)
      .map((u) => ({
        updateOne: {
          filter: { _id: u.id },
          update: {
            $set: { ...u.profile, profileAt: u.observedAt, removedAt: null },
            $setOnInsert: {
              accountId: u.accountId,
              userKey: u.userKey,
              lastSeen: NEVER,
              authCount: 0,
              serviceCount: 0,
              ...NO_OUTCOMES,
              lastBatch: 0,
            },
          },
          upsert: true,
        },
      }));
    await bulkWriteInChunks(this.collection, ops);
  }

  // Users of the account a complete snapshot did not contain. A user only seen in logs since the
  // snapshot started may be newer than it, so is left alone.
  async markRemoved(scope: Scope, snapshotId: string, startedAt: Date, at: Date): Promise<number> {
    const result = await this.collection.updateMany(
      {
        accountId: scope.accountId,
        snapshotId: { $ne: snapshotId },
        removedAt: null,
        $or: [{ profileAt: { $gt: NEVER } }, { firstSeen: { $lt: startedAt } }],
      },
      { $set: { removedAt: at } },
    );
    return result.modifiedCount;
  }

  async getMany(scope: Scope, ids: readonly string[]): Promise<UserDoc[]> {
    const docs = await this.collection.find({ _id: { $in: [...ids] } }).toArray();
    return docs.filter((doc) => doc.accountId === scope.accountId);
  }

  // Users per account matching `filter` (all of them without one).
  countPerAccount(scope: AccountsScope, filter: mongo.Filter<UserDoc> = {}): Promise<AccountCount[]> {
    return countPerAccount(this.collection, { ...filter, ...scope });
  }
}
