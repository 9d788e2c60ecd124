import { Injectable } from '@nestjs/common';
import { chunks } from '@seatwise/platform/db/chunks';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { DUO_USER_STATUSES } from '@seatwise/shared/contracts/duo-records';
import type { mongo } from 'mongoose';
import { AccountMembersRepository, memberOf } from './account-members.repository';
import { bulkWriteInChunks } from './bulk-docs';
import type { Scope } from './ids';
import type { WriteMode } from './inventory-writes';
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

// An account's users are read through its list of user ids (AccountMembersRepository): every id is listed before its
// document is first written, here (profiles, batches), and the lists are rebuilt from the users at every start.
@Injectable()
export class UsersRepository extends InventoryRepository<UserDoc> {
  constructor(
    connection: MongoConnection,
    private readonly members: AccountMembersRepository,
  ) {
    super(
      connection,
      'users',
      listIndexes(['lastSeen', 'username', 'authCount', 'serviceCount', 'lastSuccess']),
      NO_OUTCOMES,
    );
  }

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    await this.members.rebuild('users', this.memberList());
  }

  // The users a batch first saw in the logs are listed first (the others are listed already).
  override async save(docs: readonly UserDoc[], mode: WriteMode): Promise<void> {
    await this.members.add('users', docs.filter((doc) => doc.firstLogBatch === doc.lastBatch).map(memberOf));
    await super.save(docs, mode);
  }

  // Zeroes what the auth logs derived, keeping the profiles, the first/last seen span and the batch of
  // the first log (so a re-derivation announces no user again).
  async resetDerived(): Promise<void> {
    await this.collection.updateMany({}, { $set: { authCount: 0, serviceCount: 0, ...NO_OUTCOMES, lastBatch: 0 } });
  }

  protected override narrow(scope: Scope): Promise<string[] | null> {
    return this.members.narrowing('users', scope);
  }

  // The users of the accounts (the seat counts read them whole: one pass answers every figure): by their listed ids
  // where that is faster (see AccountMembersRepository.narrowings), else by account.
  async *ofAccounts(scopes: readonly Scope[]): AsyncGenerator<UserDoc> {
    const lists = await this.members.narrowings('users', scopes);
    const listed = [...lists.values()].flatMap((ids) => ids ?? []);
    for (const chunk of chunks(listed, 1_000)) {
      for (const doc of await this.collection.find({ _id: { $in: chunk } }).toArray()) {
        if (lists.has(doc.accountId)) yield this.filled(doc);
      }
    }
    const unlisted = [...lists].flatMap(([accountId, ids]) => (ids ? [] : [accountId]));
    if (unlisted.length === 0) return;
    for await (const doc of this.collection.find({ accountId: { $in: unlisted } }, { batchSize: 5_000 })) {
      yield this.filled(doc);
    }
  }

  // Every user of every account, in one pass (the cross-account seat figures).
  async *all(): AsyncGenerator<UserDoc> {
    for await (const doc of this.collection.find({}, { batchSize: 5_000 })) yield this.filled(doc);
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
    // Profiles of users not stored yet are listed first (the others are listed already).
    await this.members.add(
      'users',
      updates.filter((u) => !seen.has(u.id)),
    );
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
    const filter = {
      accountId: scope.accountId,
      snapshotId: { $ne: snapshotId },
      removedAt: null,
      $or: [{ profileAt: { $gt: NEVER } }, { firstSeen: { $lt: startedAt } }],
    };
    const ids = await this.members.narrowing('users', scope);
    if (!ids) return (await this.collection.updateMany(filter, { $set: { removedAt: at } })).modifiedCount;
    let removed = 0;
    for (const chunk of chunks(ids, 1_000)) {
      const result = await this.collection.updateMany({ _id: { $in: chunk }, ...filter }, { $set: { removedAt: at } });
      removed += result.modifiedCount;
    }
    return removed;
  }

  async getMany(scope: Scope, ids: readonly string[]): Promise<UserDoc[]> {
    const docs = await this.collection.find({ _id: { $in: [...ids] } }).toArray();
    return docs.filter((doc) => doc.accountId === scope.accountId);
  }
}
