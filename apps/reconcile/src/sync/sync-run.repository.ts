import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { SyncRunUpdatedEvent } from '@seatwise/shared/contracts/reconcile-events';
import type { SyncRunView } from '@seatwise/shared/contracts/reconcile-views';
import { type Model, Schema } from 'mongoose';
import { afterCondition } from '../db/cursor';

export type RunState = SyncRunView['state'];
export type RunCounts = SyncRunView['counts'];

export interface SyncRunDoc {
  _id: string; // time-ordered
  connectionId: string;
  kind: SyncRunView['kind'];
  state: RunState;
  trigger: SyncRunView['trigger'];
  requestedBy: string;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: { code: string; message: string; at: Date } | null;
  counts: RunCounts;
  revision: number;
}

const schema = new Schema<SyncRunDoc>(
  {
    _id: String, connectionId: String, kind: String, state: String, trigger: String, requestedBy: String, requestedAt: Date,
    startedAt: { type: Date, default: null }, finishedAt: { type: Date, default: null }, error: { type: Schema.Types.Mixed, default: null }, counts: Schema.Types.Mixed, revision: Number,
  },
  { versionKey: false, minimize: false },
);
schema.index({ connectionId: 1, state: 1 });
schema.index({ state: 1, _id: -1 });

export const ACTIVE_RUN_STATES: readonly RunState[] = ['pending', 'in_progress'];

@Injectable()
export class SyncRunRepository implements OnModuleInit {
  private readonly model: Model<SyncRunDoc>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.connection.model<SyncRunDoc>('SyncRun', schema, 'sync_runs');
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(doc: SyncRunDoc): Promise<void> {
    await this.model.create(doc);
  }

  async get(id: string): Promise<SyncRunDoc | null> {
    return normalize(await this.model.findById(id).lean<SyncRunDoc>().exec());
  }

  async active(connectionId: string): Promise<SyncRunDoc | null> {
    return normalize(await this.model.findOne({ connectionId, state: { $in: [...ACTIVE_RUN_STATES] } }).sort({ _id: 1 }).lean<SyncRunDoc>().exec());
  }

  async inState(state: RunState): Promise<SyncRunDoc[]> {
    return (await this.model.find({ state }).sort({ _id: 1 }).lean<SyncRunDoc[]>().exec()).map((d) => normalize(d) as SyncRunDoc);
  }

  // Only from `from`: a run is started, finished or failed exactly once.
  async transition(id: string, from: RunState, changes: Partial<Omit<SyncRunDoc, '_id' | 'revision'>>): Promise<SyncRunDoc | null> {
    return normalize(
      await this.model.findOneAndUpdate({ _id: id, state: from }, { $set: changes, $inc: { revision: 1 } }, { returnDocument: 'after' }).lean<SyncRunDoc>().exec(),
    );
  }

  async list(query: { connectionId?: string | undefined; state?: RunState | undefined; limit: number; cursor?: string | undefined }): Promise<SyncRunDoc[]> {
    const filter = {
      ...(query.connectionId === undefined ? {} : { connectionId: query.connectionId }),
      ...(query.state === undefined ? {} : { state: query.state }),
      ...afterCondition(query.cursor, -1),
    };
    return (await this.model.find(filter).sort({ _id: -1 }).limit(query.limit + 1).lean<SyncRunDoc[]>().exec()).map((d) => normalize(d) as SyncRunDoc);
  }

  async deleteConnection(connectionId: string): Promise<void> {
    await this.model.deleteMany({ connectionId }).exec();
  }
}

function normalize(doc: SyncRunDoc | null): SyncRunDoc | null {
  return doc ? { ...doc, startedAt: doc.startedAt ?? null, finishedAt: doc.finishedAt ?? null, error: doc.error ?? null } : null;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export function toRunView(doc: SyncRunDoc): SyncRunView {
  return {
    id: doc._id, connectionId: doc.connectionId, kind: doc.kind, state: doc.state, trigger: doc.trigger, requestedBy: doc.requestedBy,
    requestedAt: new Date(doc.requestedAt).toISOString(), startedAt: iso(doc.startedAt), finishedAt: iso(doc.finishedAt),
    error: doc.error ? { code: doc.error.code, message: doc.error.message, at: new Date(doc.error.at).toISOString() } : null,
    counts: doc.counts, revision: doc.revision,
  };
}

export function toRunEvent(doc: SyncRunDoc, at: Date): SyncRunUpdatedEvent {
  return {
    runId: doc._id, connectionId: doc.connectionId, kind: doc.kind, state: doc.state, requestedAt: new Date(doc.requestedAt).toISOString(),
    startedAt: iso(doc.startedAt), finishedAt: iso(doc.finishedAt), error: doc.error ? { code: doc.error.code, message: doc.error.message } : null,
    revision: doc.revision, at: at.toISOString(),
  };
}
