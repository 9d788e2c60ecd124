import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { DuoAccountSnapshotEvent, DuoEdition } from '@seatwise/shared/contracts/duo-events';
import { Schema } from 'mongoose';
import { exactKey } from '@seatwise/shared/text/exact-key';
import { VendorNamesRepository } from './vendor-names.repository';

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
  constructor(
    mongo: MongoConnection,
    private readonly names: VendorNamesRepository,
  ) {
    super(mongo, { model: 'VendorAccount', collection: 'vendor_accounts', schema, defaults: DEFAULTS });
  }

  // Accounts stored before the name index existed are entered once (entering twice is harmless).
  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    if (await this.names.backfilled()) return;
    const docs = await this.model.find({}, { nameKey: 1 }).lean<{ _id: string; nameKey: string }[]>().exec();
    for (const doc of docs) await this.names.add(doc.nameKey, doc._id);
    await this.names.markBackfilled();
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

  // How many accounts carry this exact name now: the name index's candidates, each read by _id.
  async countByNameKey(nameKey: string): Promise<number> {
    const accounts = await Promise.all((await this.names.candidates(nameKey)).map((id) => this.findById(id)));
    return accounts.filter((account) => account?.nameKey === nameKey).length;
  }

  // Stores the snapshot over an older one (`previous`, as read); false when a newer snapshot is stored (it may have
  // landed meanwhile). The name index gets the account before the snapshot is stored and loses it after, so a crash
  // in between leaves an extra candidate, never a missing one.
  async storeIfNewer(
    event: DuoAccountSnapshotEvent,
    observedAt: Date,
    previous: Pick<VendorAccountDoc, 'nameKey'> | null,
  ): Promise<boolean> {
    const nameKey = exactKey(event.name);
    await this.names.add(nameKey, event.accountId);
    const stored = await this.store(event, observedAt, nameKey, previous !== null);
    if (stored && previous && previous.nameKey !== nameKey) await this.names.remove(previous.nameKey, event.accountId);
    return stored;
  }

  // A new account is inserted, a known one updated from the snapshot read (both keyed writes); a newer snapshot
  // stored meanwhile makes the update miss (false).
  private async store(
    event: DuoAccountSnapshotEvent,
    observedAt: Date,
    nameKey: string,
    known: boolean,
  ): Promise<boolean> {
    const fields = {
      integrationId: event.integrationId,
      name: event.name,
      nameKey,
      edition: event.edition,
      billableSeats: event.billableSeats,
      userCount: event.userCount,
      pendingDeletionCount: event.pendingDeletionCount,
      observedAt,
    };
    if (!known && (await this.insertIfAbsent({ _id: event.accountId, ...fields }))) return true;
    const filter = { _id: event.accountId, observedAt: { $lt: observedAt } };
    return (await this.model.updateOne(filter, { $set: fields }).exec()).matchedCount === 1;
  }
}
