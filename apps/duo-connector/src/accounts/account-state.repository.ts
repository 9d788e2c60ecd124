import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { isDuplicateKey } from '../db/duplicate-key';
import type { DuoEdition } from './duo-edition';
import { type Model, Schema } from 'mongoose';

export type SyncStatus = 'idle' | 'syncing' | 'backfilling' | 'error';

// A Duo account, always addressed by (integrationId, accountId): an account id alone is not unique
// across integrations (an MSP may reach one account both directly and through its parent).
export interface AccountKey {
  integrationId: string;
  accountId: string;
}

export interface AccountStateDoc extends AccountKey {
  _id: string;
  name: string;
  // Where its Admin API is reached (a child's own api_hostname); null: the integration's host.
  apiHostname: string | null;
  child: boolean;
  edition: DuoEdition | null;
  seats: number | null;
  removedAt: Date | null;
  // Auth-log checkpoint: the window's start and Duo's cursor (ms, txid) of the last record published.
  logMintime: number;
  logCursor: [string, string] | null;
  usersSnapshotAt: Date | null;
  accountSnapshotAt: Date | null;
  syncStatus: SyncStatus;
  behindMs: number | null;
  behindRecords: number | null;
  lastSuccessAt: Date | null;
  lastError: { code: string; message: string; at: Date } | null;
  statusRevision: number;
}

const schema = new Schema<AccountStateDoc>(
  {
    _id: String,
    integrationId: String,
    accountId: String,
    name: String,
    apiHostname: { type: String, default: null },
    child: Boolean,
    edition: { type: String, default: null },
    seats: { type: Number, default: null },
    removedAt: { type: Date, default: null },
    logMintime: Number,
    logCursor: { type: [String], default: null },
    usersSnapshotAt: { type: Date, default: null },
    accountSnapshotAt: { type: Date, default: null },
    syncStatus: String,
    behindMs: { type: Number, default: null },
    behindRecords: { type: Number, default: null },
    lastSuccessAt: { type: Date, default: null },
    lastError: { type: Schema.Types.Mixed, default: null },
    statusRevision: { type: Number, default: 0 },
  },
  { versionKey: false },
);
schema.index({ integrationId: 1, accountId: 1 }, { unique: true });

export const accountDocId = (key: AccountKey): string => `${key.integrationId}:${key.accountId}`;

@Injectable()
export class AccountStateRepository implements OnModuleInit {
  private readonly model: Model<AccountStateDoc>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.connection.model<AccountStateDoc>('AccountState', schema, 'accounts');
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  // Creates the account on first sight (with its backfill start) and refreshes name/host after.
  async upsertSeen(key: AccountKey, seen: { name: string; apiHostname: string | null; child: boolean }, logMintime: number): Promise<AccountStateDoc> {
    try {
      return await this.upsertOnce(key, seen, logMintime);
    } catch (error) {
      // Two upserts of a new account can race to insert; the loser finds the winner's row.
      if (!isDuplicateKey(error)) throw error;
      return this.upsertOnce(key, seen, logMintime);
    }
  }

  private async upsertOnce(key: AccountKey, seen: { name: string; apiHostname: string | null; child: boolean }, logMintime: number): Promise<AccountStateDoc> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: accountDocId(key) },
        {
          $set: { name: seen.name, apiHostname: seen.apiHostname, child: seen.child, removedAt: null },
          $setOnInsert: { ...key, logMintime, logCursor: null, syncStatus: 'backfilling', statusRevision: 0 },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<AccountStateDoc>()
      .exec();
    return doc;
  }

  async get(key: AccountKey): Promise<AccountStateDoc | null> {
    return this.model.findById(accountDocId(key)).lean<AccountStateDoc>().exec();
  }

  async listActive(integrationId?: string): Promise<AccountStateDoc[]> {
    return this.model
      .find({ removedAt: null, ...(integrationId ? { integrationId } : {}) })
      .sort({ integrationId: 1, accountId: 1 })
      .lean<AccountStateDoc[]>()
      .exec();
  }

  async listAll(integrationId?: string): Promise<AccountStateDoc[]> {
    return this.model.find(integrationId ? { integrationId } : {}).sort({ integrationId: 1, accountId: 1 }).lean<AccountStateDoc[]>().exec();
  }

  async update(key: AccountKey, changes: Partial<Omit<AccountStateDoc, '_id' | 'integrationId' | 'accountId'>>): Promise<void> {
    await this.model.updateOne({ _id: accountDocId(key) }, { $set: changes }).exec();
  }

  async markRemoved(key: AccountKey, at: Date): Promise<void> {
    await this.model.updateOne({ _id: accountDocId(key), removedAt: null }, { $set: { removedAt: at } }).exec();
  }

  async deleteIntegration(integrationId: string): Promise<void> {
    await this.model.deleteMany({ integrationId }).exec();
  }
}
