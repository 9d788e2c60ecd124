import { Injectable } from '@nestjs/common';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { DuoEdition } from '@seatwise/shared/contracts/duo-events';
import type { Page } from '@seatwise/shared/contracts/page';
import { Schema } from 'mongoose';

export interface VendorHistoryDoc {
  _id: string; // account + observedAt: a redelivered snapshot writes the same entry
  accountId: string;
  observedAt: Date;
  edition: DuoEdition | null;
  billableSeats: number;
  previousEdition: DuoEdition | null;
  previousBillableSeats: number | null;
}

const schema = new Schema<VendorHistoryDoc>(
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
schema.index({ accountId: 1, _id: -1 });

const DEFAULTS: Partial<VendorHistoryDoc> = { edition: null, previousEdition: null, previousBillableSeats: null };

// The seat and edition changes of each Duo account, one entry per snapshot that changed them.
@Injectable()
export class VendorHistoryRepository extends MongooseRepository<VendorHistoryDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'VendorHistory', collection: 'vendor_account_history', schema, defaults: DEFAULTS });
  }

  // Keyed by the snapshot, so writing the same snapshot again writes the same entry.
  async record(entry: Omit<VendorHistoryDoc, '_id'>): Promise<void> {
    const _id = `${entry.accountId}:${entry.observedAt.toISOString()}`;
    await this.insertIfAbsent({ _id, ...entry });
  }

  // Newest first (the _id sorts by time within an account).
  page<T>(
    scope: { accountId: string },
    request: Omit<PageRequest, 'sort'>,
    toView: (doc: VendorHistoryDoc) => T,
  ): Promise<Page<T>> {
    const { limit, cursor } = request;
    return findPage(this.finder(), { accountId: scope.accountId }, { limit, cursor, sort: '-_id' }, toView);
  }
}
