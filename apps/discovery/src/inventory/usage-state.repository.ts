import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { NativeRepository } from '@seatwise/platform/db/native-repository';
import type { EventPayload } from '@seatwise/shared/contracts/events';
import { bulkWriteInChunks } from './bulk-docs';
import type { Scope } from './ids';

export type UsageFigures = Omit<EventPayload<'discovery.account.usage'>, 'accountId' | 'revision' | 'at'>;

// An account's users (all it has, and those no longer in Duo) as of its last usage refresh.
export interface UserCounts {
  users: number;
  removed: number;
}

// The account's usage as last announced: its revision, its figures, and whether the event went out
// (saved before publishing, so a crash in between republishes the same revision, which the stream's
// msgID drops if it did go out). Also its user counts as of the same refresh (not announced), which the account
// summary reads instead of every user (#19); absent on a state saved before they were kept.
export interface UsageStateDoc {
  _id: string;
  revision: number;
  figures: UsageFigures;
  users?: UserCounts;
  at: Date;
  published: boolean;
}

@Injectable()
export class UsageStateRepository extends NativeRepository<UsageStateDoc> {
  constructor(connection: MongoConnection) {
    super(connection, 'account_usage', []);
  }

  async getMany(scopes: readonly Scope[]): Promise<Map<string, UsageStateDoc>> {
    const docs = await this.collection.find({ _id: { $in: scopes.map((s) => s.accountId) } }).toArray();
    return new Map(docs.map((doc) => [doc._id, doc]));
  }

  // Every account's state: one small document per account.
  all(): AsyncIterable<UsageStateDoc> {
    return this.collection.find({});
  }

  // A refresh's accounts together (a batch touches hundreds), in the bounded commands FerretDB answers (bulk-docs).
  async saveMany(docs: readonly UsageStateDoc[]): Promise<void> {
    await bulkWriteInChunks(
      this.collection,
      docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
    );
  }

  // Each account's state, if it is still at the revision that was published.
  async markPublished(published: readonly (Scope & { revision: number })[]): Promise<void> {
    await bulkWriteInChunks(
      this.collection,
      published.map(({ accountId, revision }) => ({
        updateOne: { filter: { _id: accountId, revision }, update: { $set: { published: true } } },
      })),
    );
  }
}
