import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { AccountUsageEvent } from '@seatwise/shared/contracts/discovery-events';
import { Schema } from 'mongoose';

export interface AccountUsageDoc {
  _id: string; // Duo account id
  revision: number;
  billableUsers: number;
  activeUsers30d: number;
  reclaimable: number;
  unusedAfterDays: number;
  at: Date;
}

const schema = new Schema<AccountUsageDoc>(
  {
    _id: String,
    revision: Number,
    billableUsers: Number,
    activeUsers30d: Number,
    reclaimable: Number,
    unusedAfterDays: Number,
    at: Date,
  },
  { versionKey: false },
);

// Each Duo account's seat usage as discovery last announced it: read beside the reconciliation rows.
@Injectable()
export class AccountUsageRepository extends MongooseRepository<AccountUsageDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'AccountUsage', collection: 'account_usage', schema, defaults: {} });
  }

  // Stores the event over an older revision; false when the stored one is as new or newer (a redelivery, or
  // events arriving out of order), which then stays.
  async storeIfNewer(event: AccountUsageEvent): Promise<boolean> {
    const fields = {
      revision: event.revision,
      billableUsers: event.billableUsers,
      activeUsers30d: event.activeUsers.d30,
      reclaimable: event.reclaimable,
      unusedAfterDays: event.unusedAfterDays,
      at: new Date(event.at),
    };
    try {
      const result = await this.model
        .updateOne({ _id: event.accountId, revision: { $lt: event.revision } }, { $set: fields }, { upsert: true })
        .exec();
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (error) {
      // The filter missed because a newer revision is stored, so the upsert hit the existing _id.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  // Cross-tenant by design: the accounts of one page of rows, read at once.
  async byAccountIds(accountIds: readonly string[]): Promise<AccountUsageDoc[]> {
    return accountIds.length === 0 ? [] : this.findMany({ _id: { $in: [...accountIds] } });
  }
}
