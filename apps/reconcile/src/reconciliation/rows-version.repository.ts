import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';

interface RowsVersionDoc {
  _id: string;
  version: number;
}

const schema = new Schema<RowsVersionDoc>({ _id: String, version: Number }, { versionKey: false });
const KEY = 'rows';

// A counter every change to the reconciliation rows moves after it lands (in any replica), read by _id: what is
// derived from all the rows (the summary) is computed again only when it moved.
@Injectable()
export class RowsVersionRepository extends MongooseRepository<RowsVersionDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'ReconciliationRowsVersion', collection: 'reconciliation_rows_version', schema });
  }

  async current(): Promise<number> {
    return (await this.findById(KEY))?.version ?? 0;
  }

  async bump(): Promise<void> {
    await this.model.updateOne({ _id: KEY }, { $inc: { version: 1 } }, { upsert: true }).exec();
  }
}
