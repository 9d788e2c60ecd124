import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import type { DuoEdition } from '@seatwise/shared/contracts/duo-events';
import type { SyncStatus } from '@seatwise/shared/contracts/integration-events';
import { type Model, Schema } from 'mongoose';


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

// A new account's state. FerretDB 1.24 drops null values given in $setOnInsert (MongoDB keeps them),
// so every read also fills absent fields from here (see normalize) instead of trusting the insert.
const NEW_ACCOUNT = {
  edition: null,
  seats: null,
  logCursor: null,
  usersSnapshotAt: null,
  accountSnapshotAt: null,
  syncStatus: 'backfilling',
  behindMs: null,
  behindRecords: null,
  lastSuccessAt: null,
  lastError: null,
  statusRevision: 0,
} satisfies Partial<AccountStateDoc>;

function normalize(doc: AccountStateDoc): AccountStateDoc;
function normalize(doc: AccountStateDoc | null): AccountStateDoc | null;
function normalize(doc: AccountStateDoc | null): AccountStateDoc | null {
  return doc ? { ...NEW_ACCOUNT, ...doc } : null;
}

export const accountDocId = (key: AccountKey): string => `${key.integrationId}:${key.accountId}`;

@Injectable()
export class AccountStateRepository implements OnModuleInit {
  private readonly model: Model<AccountStateDoc>;
  // Writes to one account's row go one at a time: FerretDB 1.24 can lose one of two concurrent updates
  // of different fields of a document (seen as a vanishing seats count), which MongoDB never does.
  private readonly writes = new KeyedSerializer();

  constructor(mongo: MongoConnection) {
    this.model = mongo.connection.model<AccountStateDoc>('AccountState', schema, 'accounts');
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  // Creates the account on first sight (with its backfill start) and refreshes name/host after.
  async upsertSeen(key: AccountKey, seen: { name: string; apiHostname: string | null; child: boolean }, logMintime: number): Promise<AccountStateDoc> {
    return this.writes.run(accountDocId(key), async () => {
      try {
        return await this.upsertOnce(key, seen, logMintime);
      } catch (error) {
        // Two processes can race to insert a new account; the loser finds the winner's row.
        if (!isDuplicateKey(error)) throw error;
        return this.upsertOnce(key, seen, logMintime);
      }
    });
  }

  private async upsertOnce(key: AccountKey, seen: { name: string; apiHostname: string | null; child: boolean }, logMintime: number): Promise<AccountStateDoc> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: accountDocId(key) },
        {
          $set: { name: seen.name, apiHostname: seen.apiHostname, child: seen.child, removedAt: null },
          $setOnInsert: { ...key, ...NEW_ACCOUNT, logMintime },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<AccountStateDoc>()
      .exec();
    return normalize(doc);
  }

  async get(key: AccountKey): Promise<AccountStateDoc | null> {
    return normalize(await this.model.findById(accountDocId(key)).lean<AccountStateDoc>().exec());
  }

  async listActive(integrationId?: string): Promise<AccountStateDoc[]> {
    const docs = await this.model
      .find({ removedAt: null, ...(integrationId ? { integrationId } : {}) })
      .sort({ integrationId: 1, accountId: 1 })
      .lean<AccountStateDoc[]>()
      .exec();
    return docs.map((doc) => normalize(doc));
  }

  async listAll(integrationId?: string): Promise<AccountStateDoc[]> {
    const docs = await this.model.find(integrationId ? { integrationId } : {}).sort({ integrationId: 1, accountId: 1 }).lean<AccountStateDoc[]>().exec();
    return docs.map((doc) => normalize(doc));
  }

  async update(key: AccountKey, changes: Partial<Omit<AccountStateDoc, '_id' | 'integrationId' | 'accountId'>>): Promise<void> {
    await this.writes.run(accountDocId(key), () => this.model.updateOne({ _id: accountDocId(key) }, { $set: changes }).exec());
  }

  // Sets the status fields and, when `bump`, increments the revision atomically; returns the row after.
  async updateStatus(key: AccountKey, changes: Partial<AccountStateDoc>, bump: boolean): Promise<AccountStateDoc | null> {
    const doc = await this.writes.run(accountDocId(key), () =>
      this.model
        .findOneAndUpdate({ _id: accountDocId(key) }, { $set: changes, $inc: { statusRevision: bump ? 1 : 0 } }, { returnDocument: 'after' })
        .lean<AccountStateDoc>()
        .exec(),
    );
    return normalize(doc);
  }

  async markRemoved(key: AccountKey, at: Date): Promise<void> {
    await this.writes.run(accountDocId(key), () => this.model.updateOne({ _id: accountDocId(key), removedAt: null }, { $set: { removedAt: at } }).exec());
  }

  async deleteIntegration(integrationId: string): Promise<void> {
    await this.model.deleteMany({ integrationId }).exec();
  }
}
