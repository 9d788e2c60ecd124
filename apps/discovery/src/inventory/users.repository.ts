import { Injectable } from '@nestjs/common';
import { chunks } from '@seatwise/platform/db/chunks';
import { duplicateKeyIndexes } from '@seatwise/platform/db/duplicate-key';
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
import { UserRowsRepository } from './user-rows.repository';

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
// Every write of users is followed by their rows' (UserRowsRepository: what the users list sorts), and every start
// puts them all again.
@Injectable()
export class UsersRepository extends InventoryRepository<UserDoc> {
  constructor(
    connection: MongoConnection,
    private readonly members: AccountMembersRepository,
    private readonly rows: UserRowsRepository,
  ) {
    super(
      connection,
      'users',
      listIndexes(['lastSeen', 'username', 'authCount', 'serviceCount', 'lastSuccess']),
      NO_OUTCOMES,
    );
  }

  // One pass over the users rebuilds both their account lists and their rows: both are kept on FerretDB 1.x only, so
  // elsewhere no user is read (a MongoDB inventory may hold millions).
  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    if (!(await this.rows.keeps())) return;
    const users = await this.everyUser();
    await this.members.rebuild('users', users.map(memberOf));
    await this.rows.put(users, true);
  }

  // The users a batch first saw in the logs are listed first (the others are listed already).
  override async save(docs: readonly UserDoc[], mode: WriteMode): Promise<void> {
    await this.members.add('users', docs.filter((doc) => doc.firstLogBatch === doc.lastBatch).map(memberOf));
    await super.save(docs, mode);
    await this.rows.put(docs);
  }

  // Zeroes what the auth logs derived, keeping the profiles, the first/last seen span and the batch of
  // the first log (so a re-derivation announces no user again).
  async resetDerived(): Promise<void> {
    await this.collection.updateMany({}, { $set: { authCount: 0, serviceCount: 0, ...NO_OUTCOMES, lastBatch: 0 } });
    if (await this.rows.keeps()) await this.rows.put(await this.everyUser(), true);
  }

  // Every user, filled (a start's or a re-derivation's pass: bounded by the inventory's size).
  private async everyUser(): Promise<UserDoc[]> {
    const users: UserDoc[] = [];
    for await (const doc of this.all()) users.push(doc);
    return users;
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

  // Applies snapshot profiles, each only over an older one (a replayed old snapshot changes nothing). A user not stored
  // yet is inserted whole: an upsert each cost FerretDB 1.x over a millisecond, and an MSP's first snapshots (every
  // user new) took most of its first sync (#19). Rows are put from the documents as written (the users lock is held:
  // nothing else writes them meanwhile), not read back.
  async applyProfiles(updates: readonly ProfileUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    const current = await this.load(updates.map((u) => u.id));
    // Profiles of users not stored yet are listed first (the others are listed already).
    await this.members.add(
      'users',
      updates.filter((u) => !current.has(u.id)),
    );
    const written = updates.flatMap((u) => {
      const doc = current.get(u.id);
      if (doc && doc.profileAt > u.observedAt) return [];
      return [{ update: u, doc: { ...(doc ?? { _id: u.id, ...firstFields(u) }), ...profileFields(u) } }];
    });
    const raced = await this.insertNew(written.flatMap((w) => (current.has(w.doc._id) ? [] : [w.doc])));
    const updated = written.filter((w) => current.has(w.doc._id) || raced.has(w.doc._id));
    await bulkWriteInChunks(
      this.collection,
      updated.map((w) => profileUpsert(w.update)),
    );
    await this.rows.put(written.flatMap((w) => (raced.has(w.doc._id) ? [] : [w.doc])));
    await this.putRowsOf([...raced]);
  }

  // Inserts users not stored yet; returns the ids another writer stored meanwhile (a replica of another version).
  private async insertNew(docs: readonly UserDoc[]): Promise<Set<string>> {
    const raced = new Set<string>();
    for (const chunk of chunks(docs, 1_000)) {
      try {
        await this.collection.insertMany([...chunk], { ordered: false });
      } catch (error) {
        for (const index of duplicateKeyIndexes(error)) {
          const doc = chunk[index];
          if (doc) raced.add(doc._id);
        }
      }
    }
    return raced;
  }

  // Users of the account a complete snapshot did not contain. A user only seen in logs since the
  // snapshot started may be newer than it, so is left alone. Their rows are put first: a crash before the update
  // leaves rows that say removed, and the redelivered snapshot finds the same users and updates them.
  async markRemoved(scope: Scope, snapshotId: string, startedAt: Date, at: Date): Promise<number> {
    const filter = {
      accountId: scope.accountId,
      snapshotId: { $ne: snapshotId },
      removedAt: null,
      $or: [{ profileAt: { $gt: NEVER } }, { firstSeen: { $lt: startedAt } }],
    };
    const ids = await this.members.narrowing('users', scope);
    if (!ids) {
      const removed = (await this.collection.updateMany(filter, { $set: { removedAt: at } })).modifiedCount;
      if (await this.rows.keeps()) {
        const docs = await this.collection.find({ accountId: scope.accountId }).toArray();
        await this.rows.put(docs.map((doc) => this.filled(doc)));
      }
      return removed;
    }
    let removed = 0;
    for (const chunk of chunks(ids, 1_000)) {
      const gone = await this.collection.find({ _id: { $in: chunk }, ...filter }).toArray();
      if (gone.length === 0) continue;
      await this.rows.put(gone.map((doc) => ({ ...this.filled(doc), removedAt: at })));
      const result = await this.collection.updateMany(
        { _id: { $in: gone.map((doc) => doc._id) }, ...filter },
        { $set: { removedAt: at } },
      );
      removed += result.modifiedCount;
    }
    return removed;
  }

  // Puts the rows of the users just written, read back (where rows are kept).
  private async putRowsOf(ids: readonly string[]): Promise<void> {
    if (ids.length === 0 || !(await this.rows.keeps())) return;
    await this.rows.put((await this.load(ids)).values());
  }

  async getMany(scope: Scope, ids: readonly string[]): Promise<UserDoc[]> {
    if (ids.length === 0) return [];
    const docs = await this.collection.find({ _id: { $in: [...ids] } }).toArray();
    return docs.filter((doc) => doc.accountId === scope.accountId).map((doc) => this.filled(doc));
  }
}

// What a profile sets on its user.
function profileFields(u: ProfileUpdate): Pick<UserDoc, keyof UserProfile | 'profileAt' | 'removedAt'> {
  return { ...u.profile, profileAt: u.observedAt, removedAt: null };
}

// What a user first seen in a snapshot starts with besides its profile.
function firstFields(u: ProfileUpdate): Omit<UserDoc, '_id' | keyof UserProfile | 'profileAt' | 'removedAt'> {
  return {
    accountId: u.accountId,
    userKey: u.userKey,
    lastSeen: NEVER,
    authCount: 0,
    serviceCount: 0,
    ...NO_OUTCOMES,
    lastBatch: 0,
  };
}

function profileUpsert(u: ProfileUpdate): mongo.AnyBulkWriteOperation<UserDoc> {
  return {
    updateOne: {
      filter: { _id: u.id },
      update: { $set: profileFields(u), $setOnInsert: firstFields(u) },
      upsert: true,
    },
  };
}
