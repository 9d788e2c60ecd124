import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { DuoAccountSnapshotEvent, DuoEdition } from '@seatwise/shared/contracts/duo-events';
import { Schema } from 'mongoose';
import { exactKey } from '@seatwise/shared/text/exact-key';

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

const schema = new Schema<VendorAccountDoc>(
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
schema.index({ nameKey: 1 });

const DEFAULTS: Partial<VendorAccountDoc> = { edition: null };

// The vendor side: the newest Duo account snapshot per account.
@Injectable()
export class VendorAccountRepository extends MongooseRepository<VendorAccountDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'VendorAccount', collection: 'vendor_accounts', schema, defaults: DEFAULTS });
  }

  get(scope: { accountId: string }): Promise<VendorAccountDoc | null> {
    return this.findById(scope.accountId);
  }

  // Cross-tenant: the account list of the mapping screen.
  async byIds(ids: string[]): Promise<VendorAccountDoc[]> {
    return ids.length === 0 ? [] : this.findMany({ _id: { $in: ids } });
  }

  async allIds(): Promise<string[]> {
    return (await this.model.find({}, { _id: 1 }).sort({ _id: 1 }).lean<{ _id: string }[]>().exec()).map((d) => d._id);
  }

  async countByNameKey(nameKey: string): Promise<number> {
    return this.model.countDocuments({ nameKey }).exec();
  }

  // Stores the snapshot over an older one; false when a newer snapshot is stored (it may have landed meanwhile).
  async storeIfNewer(event: DuoAccountSnapshotEvent, observedAt: Date): Promise<boolean> {
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
      await this.model
        .updateOne({ _id: event.accountId, observedAt: { $lt: observedAt } }, { $set: fields }, { upsert: true })
        .exec();
      return true;
    } catch (error) {
      // The filter missed because a newer snapshot is stored, so the upsert hit the existing _id.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
