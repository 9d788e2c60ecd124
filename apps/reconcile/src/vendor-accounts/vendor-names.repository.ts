import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';

interface VendorNameDoc {
  _id: string; // an exact-name key (exactKey), or BACKFILLED
  accountIds: string[];
}

const schema = new Schema<VendorNameDoc>({ _id: String, accountIds: [String] }, { versionKey: false });

// Marks that every stored account has been entered (once, for data stored before this index existed).
const BACKFILLED = '\u0000backfilled';

// Which Duo accounts carry an exact name, as one document per name read by _id: exact-name auto-mapping asks this
// for every snapshot, and FerretDB 1.24 would scan every account to answer it from vendor_accounts. The lists may
// hold accounts that no longer carry the name (an account is added before its snapshot is stored and removed
// after): readers check each candidate's stored name, so a list is never short and extra entries do no harm.
@Injectable()
export class VendorNamesRepository extends MongooseRepository<VendorNameDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'VendorName', collection: 'vendor_account_names', schema });
  }

  // Insert first, then (the name is known) a keyed update: on FerretDB 1.24 a read or upsert of an _id that does not
  // exist yet reads the whole collection, an insert does not.
  async add(nameKey: string, accountId: string): Promise<void> {
    if (await this.insertIfAbsent({ _id: nameKey, accountIds: [accountId] })) return;
    await this.model.updateOne({ _id: nameKey }, { $addToSet: { accountIds: accountId } }).exec();
  }

  async remove(nameKey: string, accountId: string): Promise<void> {
    await this.model.updateOne({ _id: nameKey }, { $pull: { accountIds: accountId } }).exec();
  }

  async candidates(nameKey: string): Promise<string[]> {
    return (await this.findById(nameKey))?.accountIds ?? [];
  }

  async backfilled(): Promise<boolean> {
    return (await this.findById(BACKFILLED)) !== null;
  }

  async markBackfilled(): Promise<void> {
    await this.model.updateOne({ _id: BACKFILLED }, { $set: { accountIds: [] } }, { upsert: true }).exec();
  }
}
