import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';

interface RowsVersionDoc {
  _id: string;
  token: string;
}

const schema = new Schema<RowsVersionDoc>({ _id: String, token: String }, { versionKey: false });
const KEY = 'rows';

// A token every change to the reconciliation rows replaces after it lands (in any replica), read by _id: what is
// derived from all the rows (the summary) is computed again only when it changed. A fresh random token is set, never
// an increment or an upsert: FerretDB 1.24 neither isolates concurrent $inc (24 concurrent increments counted 13)
// nor concurrent upserts of one _id (a duplicate-key error). The document is created by an insert, which either
// lands or finds it there.
@Injectable()
export class RowsVersionRepository extends MongooseRepository<RowsVersionDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'ReconciliationRowsVersion', collection: 'reconciliation_rows_version', schema });
  }

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    await this.insertIfAbsent({ _id: KEY, token: randomUUID() });
  }

  // null: no token yet (the document is gone), so nothing derived may be kept.
  async current(): Promise<string | null> {
    return (await this.findById(KEY))?.token ?? null;
  }

  async bump(): Promise<void> {
    const { matchedCount } = await this.model.updateOne({ _id: KEY }, { $set: { token: randomUUID() } }).exec();
    // Gone (a dropped database): created again; a concurrent writer creating it first set a token as fresh.
    if (matchedCount === 0) await this.insertIfAbsent({ _id: KEY, token: randomUUID() });
  }
}
