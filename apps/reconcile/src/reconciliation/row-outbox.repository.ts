import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';
import type { AuditDoc } from '../audit/audit.repository';

// One change of a reconciliation row not yet fully announced: the audit entries it writes (ids fixed, so writing them
// again is harmless), kept until they are written and the row's event is published.
export interface OutboxDoc {
  _id: string; // the change id, which the row records once the change lands (RowDoc.changeIds)
  rowId: string;
  audits: AuditDoc[];
  createdAt: Date;
}

const schema = new Schema<OutboxDoc>(
  { _id: String, rowId: String, audits: { type: Schema.Types.Mixed, default: () => [] }, createdAt: Date },
  { versionKey: false, minimize: false },
);

// Small by design (an entry lives for one change, milliseconds, unless a crash or an outage left it), so the sweep's
// filter on createdAt reads little even where it scans (FerretDB 1.24).
@Injectable()
export class RowOutboxRepository extends MongooseRepository<OutboxDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'ReconciliationOutbox', collection: 'reconciliation_outbox', schema });
  }

  async remove(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id }).exec();
  }

  // Entries older than `before`: their writer has finished or died.
  leftBefore(before: Date, limit: number): Promise<OutboxDoc[]> {
    return this.findMany({ createdAt: { $lt: before } }, { createdAt: 1 }, limit);
  }
}
