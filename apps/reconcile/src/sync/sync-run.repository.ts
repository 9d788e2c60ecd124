import { Injectable } from '@nestjs/common';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { WriteClaims } from '@seatwise/platform/db/write-claims';
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
  // The replica running it and until when that replica is known alive (renewed while it runs): another replica
  // fails a run in progress only once its lease ran out. Absent on runs stored before leases.
  owner?: string | null;
  leaseUntil?: Date | null;
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
    owner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
  },
  { versionKey: false, minimize: false },
);
schema.index({ connectionId: 1, state: 1 });
schema.index({ state: 1, _id: -1 });

const DEFAULTS: Partial<SyncRunDoc> = { startedAt: null, finishedAt: null, error: null, owner: null, leaseUntil: null };
const ACTIVE_STATES: ReadonlySet<RunState> = new Set(['pending', 'in_progress']);

// Queued or running: the run its connection's next start returns instead of queuing another.
export const isActive = (run: SyncRunDoc): boolean => ACTIVE_STATES.has(run.state);

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
  private readonly claims: WriteClaims;

  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'SyncRun', collection: 'sync_runs', schema, defaults: DEFAULTS });
    this.claims = new WriteClaims(mongo, 'sync_run_claims');
  }

  inState(state: RunState): Promise<SyncRunDoc[]> {
    return this.findMany({ state }, { _id: 1 });
  }

  // Only from `from`: a run is started, finished or failed exactly once, also by two replicas at once.
  transition(
    id: string,
    from: RunState,
    changes: Partial<Omit<SyncRunDoc, '_id' | 'revision'>>,
  ): Promise<SyncRunDoc | null> {
    return this.transitionWhere({ _id: id, state: from }, changes);
  }

  // Runs in progress whose replica stopped renewing their lease before `now` (or that have none: stored before
  // leases). A live replica's run is never among them.
  async expired(now: Date): Promise<SyncRunDoc[]> {
    const running = await this.findMany({ state: 'in_progress' }, { _id: 1 });
    return running.filter((run) => (run.leaseUntil ?? new Date(0)) < now);
  }

  // Extends the lease of a run this replica holds; false when it no longer holds it (the run was failed as
  // abandoned meanwhile, or has finished).
  async renewLease(id: string, owner: string, until: Date): Promise<boolean> {
    const result = await this.model
      .updateOne({ _id: id, state: 'in_progress', owner }, { $set: { leaseUntil: until } })
      .exec();
    return result.matchedCount === 1;
  }

  // Only from in progress, and only while the lease read is still the one in place: a replica that renewed it
  // in between keeps its run. Claimed like the run's own finish, so the two exclude each other.
  transitionExpired(
    run: SyncRunDoc,
    changes: Partial<Omit<SyncRunDoc, '_id' | 'revision'>>,
  ): Promise<SyncRunDoc | null> {
    return this.transitionWhere({ _id: run._id, state: 'in_progress', leaseUntil: run.leaseUntil ?? null }, changes);
  }

  // The claim on `<run>@<state it leaves>` makes the conditional update atomic on FerretDB too (WriteClaims).
  private transitionWhere(
    filter: { _id: string; state: RunState; leaseUntil?: Date | null },
    changes: Partial<Omit<SyncRunDoc, '_id' | 'revision'>>,
  ): Promise<SyncRunDoc | null> {
    return this.claims.holding(`${filter._id}@${filter.state}`, () =>
      this.updateAndRead(filter, { $set: changes, $inc: { revision: 1 } }),
    );
  }

  // Newest first (ids are time-ordered).
  page<T>(query: SyncRunFilter & Omit<PageRequest, 'sort'>, toView: (doc: SyncRunDoc) => T): Promise<Page<T>> {
    const { limit, cursor, ...filter } = query;
    return findPage(this.finder(), definedOnly(filter), { limit, cursor, sort: '-_id' }, toView);
  }

  // A queued run that lost its connection's slot to another (never one that began).
  async discard(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id, state: 'pending' }).exec();
  }

  async deleteConnection(connectionId: string): Promise<void> {
    await this.model.deleteMany({ connectionId }).exec();
  }
}
