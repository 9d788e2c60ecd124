import { Injectable } from '@nestjs/common';
import { duplicateKeyIndexes, retriedOnDuplicate } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';
import { accountOf, sourceId, type SourceKind, type SourceState } from './source-state';

interface SourceDoc {
  _id: string;
  kind: SourceKind;
  accountId: string | null;
  state: SourceState;
  updatedAt: Date;
}

const schema = new Schema<SourceDoc>(
  { _id: String, kind: String, accountId: { type: String, default: null }, state: Schema.Types.Mixed, updatedAt: Date },
  { versionKey: false },
);
schema.index({ kind: 1 });

@Injectable()
export class SourceRepository extends MongooseRepository<SourceDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'AlertSource', collection: 'alert_sources', schema });
  }

  async get(id: string): Promise<SourceState | null> {
    return (await this.findById(id))?.state ?? null;
  }

  async put(state: SourceState, now: Date): Promise<void> {
    const id = sourceId(state);
    const doc: SourceDoc = { _id: id, kind: state.kind, accountId: accountOf(state), state, updatedAt: now };
    await retriedOnDuplicate(() => this.model.replaceOne({ _id: id }, doc, { upsert: true }).exec());
  }

  async getMany(ids: readonly string[]): Promise<Map<string, SourceState>> {
    const docs = ids.length === 0 ? [] : await this.findMany({ _id: { $in: [...ids] } });
    return new Map(docs.map((doc) => [doc._id, doc.state]));
  }

  // One bulk write for a batch's states (FerretDB 1.x pays a scan per statement, so batches write once). Two
  // replicas inserting the same new source at once (FerretDB 1.24 fails the loser's upsert with a duplicate key):
  // the states that failed so are written again, when the document exists.
  async putMany(states: readonly SourceState[], now: Date): Promise<void> {
    if (states.length === 0) return;
    const replaces = states.map((state) => {
      const id = sourceId(state);
      const doc: SourceDoc = { _id: id, kind: state.kind, accountId: accountOf(state), state, updatedAt: now };
      return { replaceOne: { filter: { _id: id }, replacement: doc, upsert: true } };
    });
    try {
      await this.model.bulkWrite(replaces, { ordered: false });
    } catch (error) {
      const failed = duplicateKeyIndexes(error);
      await this.model.bulkWrite(
        replaces.filter((_, i) => failed.has(i)),
        { ordered: false },
      );
    }
  }

  async allOf(kind: SourceKind): Promise<SourceState[]> {
    return (await this.findMany({ kind })).map((doc) => doc.state);
  }
}
