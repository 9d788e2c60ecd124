import { Injectable } from '@nestjs/common';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { Page } from '@seatwise/shared/contracts/page';
import type { SyncRunView } from '@seatwise/shared/contracts/reconcile-views';
import { Schema } from 'mongoose';
import { definedOnly } from '../db/defined-only';

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
    _id: String,
    connectionId: String,
    kind: String,
    state: String,
    trigger: String,
    requestedBy: String,
    requestedAt: Date,
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    error: { type: Schema.Types.Mixed, default: null },
    counts: Schema.Types.Mixed,
    revision: Number,
  },
  { versionKey: false, minimize: false },
);
schema.index({ connectionId: 1, state: 1 });
schema.index({ state: 1, _id: -1 });

const DEFAULTS: Partial<SyncRunDoc> = { startedAt: null, finishedAt: null, error: null };
const ACTIVE_STATES: readonly RunState[] = ['pending', 'in_progress'];

// The counts of a run that copied nothing (queued, failed, interrupted).
export const NO_COUNTS: Readonly<RunCounts> = Object.freeze({
  companies: 0,
  products: 0,
  agreements: 0,
  additions: 0,
  removed: 0,
});

export interface SyncRunFilter {
  connectionId?: string | undefined;
  state?: RunState | undefined;
}

@Injectable()
export class SyncRunRepository extends MongooseRepository<SyncRunDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'SyncRun', collection: 'sync_runs', schema, defaults: DEFAULTS });
  }

  // The oldest run of the connection that is queued or running.
  async active(connectionId: string): Promise<SyncRunDoc | null> {
    const [oldest] = await this.findMany({ connectionId, state: { $in: [...ACTIVE_STATES] } }, { _id: 1 }, 1);
    return oldest ?? null;
  }

  inState(state: RunState): Promise<SyncRunDoc[]> {
    return this.findMany({ state }, { _id: 1 });
  }

  // Only from `from`: a run is started, finished or failed exactly once.
  async transition(
    id: string,
    from: RunState,
    changes: Partial<Omit<SyncRunDoc, '_id' | 'revision'>>,
  ): Promise<SyncRunDoc | null> {
    return this.updateAndRead({ _id: id, state: from }, { $set: changes, $inc: { revision: 1 } });
  }

  // Newest first (ids are time-ordered).
  page<T>(query: SyncRunFilter & Omit<PageRequest, 'sort'>, toView: (doc: SyncRunDoc) => T): Promise<Page<T>> {
    const { limit, cursor, ...filter } = query;
    return findPage(this.finder(), definedOnly(filter), { limit, cursor, sort: '-_id' }, toView);
  }

  async deleteConnection(connectionId: string): Promise<void> {
    await this.model.deleteMany({ connectionId }).exec();
  }
}
