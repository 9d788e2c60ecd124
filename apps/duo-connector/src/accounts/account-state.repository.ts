import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { fillAbsent } from '@seatwise/platform/db/fill-absent';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { Model } from 'mongoose';
import { type AccountKey, accountKeyId } from './account-key';
import { type AccountSeen, type AccountStateDoc, accountStateSchema, NEW_ACCOUNT } from './account-state';

type AccountChanges = Partial<Omit<AccountStateDoc, '_id' | 'integrationId' | 'accountId'>>;

@Injectable()
export class AccountStateRepository implements OnModuleInit {
  private readonly model: Model<AccountStateDoc>;
  // Writes to one account's row go one at a time: FerretDB 1.24 can lose one of two concurrent updates
  // of different fields of a document (seen as a vanishing seats count), which MongoDB never does.
  private readonly writes = new KeyedSerializer();

  constructor(mongo: MongoConnection) {
    this.model = mongo.connection.model<AccountStateDoc>('AccountState', accountStateSchema, 'accounts');
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  // Creates the account on first sight (with its backfill start) and refreshes name/host after.
  async upsertSeen(key: AccountKey, seen: AccountSeen, logMintime: number): Promise<AccountStateDoc> {
    return this.writes.run(accountKeyId(key), async () => {
      try {
        return await this.upsertOnce(key, seen, logMintime);
      } catch (error) {
        // Two processes can race to insert a new account; the loser finds the winner's row.
        if (!isDuplicateKey(error)) throw error;
        return this.upsertOnce(key, seen, logMintime);
      }
    });
  }

  private async upsertOnce(key: AccountKey, seen: AccountSeen, logMintime: number): Promise<AccountStateDoc> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: accountKeyId(key) },
        {
          $set: { name: seen.name, apiHostname: seen.apiHostname, child: seen.child, removedAt: null },
          $setOnInsert: { ...key, ...NEW_ACCOUNT, logMintime },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<AccountStateDoc>()
      .exec();
    return fillAbsent(NEW_ACCOUNT, doc);
  }

  async get(key: AccountKey): Promise<AccountStateDoc | null> {
    return fillAbsent(NEW_ACCOUNT, await this.model.findById(accountKeyId(key)).lean<AccountStateDoc>().exec());
  }

  async listActive(integrationId?: string): Promise<AccountStateDoc[]> {
    return this.list({ removedAt: null, ...(integrationId ? { integrationId } : {}) });
  }

  async listAll(integrationId?: string): Promise<AccountStateDoc[]> {
    return this.list(integrationId ? { integrationId } : {});
  }

  private async list(filter: { removedAt?: null; integrationId?: string }): Promise<AccountStateDoc[]> {
    const docs = await this.model
      .find(filter)
      .sort({ integrationId: 1, accountId: 1 })
      .lean<AccountStateDoc[]>()
      .exec();
    return docs.map((doc) => fillAbsent(NEW_ACCOUNT, doc));
  }

  async update(key: AccountKey, changes: AccountChanges): Promise<void> {
    await this.writes.run(accountKeyId(key), () =>
      this.model.updateOne({ _id: accountKeyId(key) }, { $set: changes }).exec(),
    );
  }

  // Sets the status fields and, when `bump`, increments the revision atomically; returns the row after.
  async updateStatus(key: AccountKey, changes: AccountChanges, bump: boolean): Promise<AccountStateDoc | null> {
    const doc = await this.writes.run(accountKeyId(key), () =>
      this.model
        .findOneAndUpdate(
          { _id: accountKeyId(key) },
          { $set: changes, $inc: { statusRevision: bump ? 1 : 0 } },
          { returnDocument: 'after' },
        )
        .lean<AccountStateDoc>()
        .exec(),
    );
    return fillAbsent(NEW_ACCOUNT, doc);
  }

  async markRemoved(key: AccountKey, at: Date): Promise<void> {
    await this.writes.run(accountKeyId(key), () =>
      this.model.updateOne({ _id: accountKeyId(key), removedAt: null }, { $set: { removedAt: at } }).exec(),
    );
  }

  async deleteIntegration(integrationId: string): Promise<void> {
    await this.model.deleteMany({ integrationId }).exec();
  }
}
