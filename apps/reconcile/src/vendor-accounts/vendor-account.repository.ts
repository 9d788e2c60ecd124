import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { fillAbsent } from '@seatwise/platform/db/fill-absent';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { Page } from '@seatwise/shared/contracts/page';
import type { DuoAccountSnapshotEvent, DuoEdition } from '@seatwise/shared/contracts/duo-events';
import { type Model, Schema } from 'mongoose';
import { filledFinder, findFilled } from '../db/filled-find';
import { exactKey } from '../names/name-similarity';

export interface VendorAccountDoc {
  _id: string; // Duo account id
  integrationId: string;
  name: string;
  nameKey: string;
  edition: DuoEdition | null;
  billableSeats: number;
  userCount: number;
  pendingDeletionCount: number;
  observedAt: Date;
}

export interface VendorHistoryDoc {
  _id: string; // account + observedAt: a redelivered snapshot writes the same entry
  accountId: string;
  observedAt: Date;
  edition: DuoEdition | null;
  billableSeats: number;
  previousEdition: DuoEdition | null;
  previousBillableSeats: number | null;
}

const accountSchema = new Schema<VendorAccountDoc>(
  {
    _id: String,
    integrationId: String,
    name: String,
    nameKey: String,
    edition: { type: String, default: null },
    billableSeats: Number,
    userCount: Number,
    pendingDeletionCount: Number,
    observedAt: Date,
  },
  { versionKey: false },
);
accountSchema.index({ nameKey: 1 });

const historySchema = new Schema<VendorHistoryDoc>(
  {
    _id: String,
    accountId: String,
    observedAt: Date,
    edition: { type: String, default: null },
    billableSeats: Number,
    previousEdition: { type: String, default: null },
    previousBillableSeats: { type: Number, default: null },
  },
  { versionKey: false },
);
historySchema.index({ accountId: 1, _id: -1 });

const ACCOUNT_DEFAULTS: Partial<VendorAccountDoc> = { edition: null };
const HISTORY_DEFAULTS: Partial<VendorHistoryDoc> = {
  edition: null,
  previousEdition: null,
  previousBillableSeats: null,
};

// The vendor side: the newest Duo account snapshot per account, and the history of seat / edition changes.
@Injectable()
export class VendorAccountRepository implements OnModuleInit {
  private readonly accounts: Model<VendorAccountDoc>;
  private readonly history: Model<VendorHistoryDoc>;

  constructor(mongo: MongoConnection) {
    this.accounts = mongo.connection.model<VendorAccountDoc>('VendorAccount', accountSchema, 'vendor_accounts');
    this.history = mongo.connection.model<VendorHistoryDoc>('VendorHistory', historySchema, 'vendor_account_history');
  }

  async onModuleInit(): Promise<void> {
    await this.accounts.createIndexes();
    await this.history.createIndexes();
  }

  async get(scope: { accountId: string }): Promise<VendorAccountDoc | null> {
    return fillAbsent(ACCOUNT_DEFAULTS, await this.accounts.findById(scope.accountId).lean<VendorAccountDoc>().exec());
  }

  // Cross-tenant: the account list of the mapping screen.
  async byIds(ids: string[]): Promise<VendorAccountDoc[]> {
    return ids.length === 0 ? [] : findFilled(this.accounts, ACCOUNT_DEFAULTS, { _id: { $in: ids } });
  }

  async allIds(): Promise<string[]> {
    return (await this.accounts.find({}, { _id: 1 }).sort({ _id: 1 }).lean<{ _id: string }[]>().exec()).map(
      (d) => d._id,
    );
  }

  async countByNameKey(nameKey: string): Promise<number> {
    return this.accounts.countDocuments({ nameKey }).exec();
  }

  // Applies a snapshot unless a newer one is stored; returns the previous state (null: first snapshot) or
  // 'stale' when nothing changed because this snapshot is not newer.
  async apply(event: DuoAccountSnapshotEvent): Promise<VendorAccountDoc | null | 'stale'> {
    const observedAt = new Date(event.observedAt);
    const previous = await this.get({ accountId: event.accountId });
    if (previous && previous.observedAt.getTime() >= observedAt.getTime()) return 'stale';
    // History first, keyed by the snapshot: a crash before the account update replays to the same entry.
    if (!previous || previous.billableSeats !== event.billableSeats || previous.edition !== event.edition) {
      const entry: Omit<VendorHistoryDoc, '_id'> = {
        accountId: event.accountId,
        observedAt,
        edition: event.edition,
        billableSeats: event.billableSeats,
        previousEdition: previous?.edition ?? null,
        previousBillableSeats: previous?.billableSeats ?? null,
      };
      await this.history
        .updateOne({ _id: `${event.accountId}:${observedAt.toISOString()}` }, { $set: entry }, { upsert: true })
        .exec();
    }
    const fields = {
      integrationId: event.integrationId,
      name: event.name,
      nameKey: exactKey(event.name),
      edition: event.edition,
      billableSeats: event.billableSeats,
      userCount: event.userCount,
      pendingDeletionCount: event.pendingDeletionCount,
      observedAt,
    };
    try {
      await this.accounts
        .updateOne({ _id: event.accountId, observedAt: { $lt: observedAt } }, { $set: fields }, { upsert: true })
        .exec();
    } catch (error) {
      // The filter missed because a newer snapshot landed meanwhile, so the upsert hit the existing _id.
      if (isDuplicateKey(error)) return 'stale';
      throw error;
    }
    return previous;
  }

  // Newest first (the history _id sorts by time within an account).
  historyPage<T>(
    scope: { accountId: string },
    request: Omit<PageRequest, 'sort'>,
    toView: (doc: VendorHistoryDoc) => T,
  ): Promise<Page<T>> {
    const { limit, cursor } = request;
    return findPage(
      filledFinder(this.history, HISTORY_DEFAULTS),
      { accountId: scope.accountId },
      { limit, cursor, sort: '-_id' },
      toView,
    );
  }
}
