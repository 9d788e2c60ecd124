import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { Page } from '@seatwise/shared/contracts/page';
import type { ReconciliationUpdatedEvent } from '@seatwise/shared/contracts/reconcile-events';
import { Schema } from 'mongoose';
import { definedOnly } from '../db/defined-only';

export type RowState = ReconciliationUpdatedEvent['state'];

export interface RowDoc {
  _id: string;
  accountId: string;
  accountName: string;
  psaCompanyId: string | null;
  connectionId: string | null;
  connectionKind: 'connectwise' | 'import' | null;
  sku: string;
  productId: string | null;
  vendorQuantity: number;
  psaQuantity: number;
  delta: number;
  type: ReconciliationUpdatedEvent['type'];
  state: RowState;
  effectiveDate: Date | null;
  note: string | null;
  lastError: { code: string; message: string; at: Date } | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  appliedAt: Date | null;
  revision: number;
  updatedAt: Date;
  // While a push runs, no other worker takes the row (expires if the process dies mid-push).
  pushLeaseUntil: Date;
}

const schema = new Schema<RowDoc>(
  {
    _id: String,
    accountId: String,
    accountName: String,
    psaCompanyId: { type: String, default: null },
    connectionId: { type: String, default: null },
    connectionKind: { type: String, default: null },
    sku: String,
    productId: { type: String, default: null },
    vendorQuantity: Number,
    psaQuantity: Number,
    delta: Number,
    type: String,
    state: String,
    effectiveDate: { type: Date, default: null },
    note: { type: String, default: null },
    lastError: { type: Schema.Types.Mixed, default: null },
    decidedBy: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    appliedAt: { type: Date, default: null },
    revision: Number,
    updatedAt: Date,
    pushLeaseUntil: Date,
  },
  { versionKey: false },
);
schema.index({ accountId: 1, _id: 1 });
schema.index({ state: 1, _id: 1 });
schema.index({ type: 1, _id: 1 });

// What a row holds before anyone decides about it.
export const UNDECIDED = {
  effectiveDate: null,
  note: null,
  lastError: null,
  decidedBy: null,
  decidedAt: null,
  appliedAt: null,
} as const satisfies Partial<RowDoc>;

const DEFAULTS: Partial<RowDoc> = {
  psaCompanyId: null,
  connectionId: null,
  connectionKind: null,
  productId: null,
  ...UNDECIDED,
};

export interface RowFilter {
  type?: RowDoc['type'] | undefined;
  state?: RowState | undefined;
  accountId?: string | undefined;
}

export function rowId(accountId: string, sku: string): string {
  return `rec_${accountId}_${sku.toLowerCase()}`;
}

@Injectable()
export class RowRepository extends MongooseRepository<RowDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'ReconciliationRow', collection: 'reconciliation_rows', schema, defaults: DEFAULTS });
  }

  byIds(ids: string[]): Promise<RowDoc[]> {
    return this.findMany({ _id: { $in: ids } });
  }

  ofAccount(scope: { accountId: string }): Promise<RowDoc[]> {
    return this.findMany({ accountId: scope.accountId });
  }

  // false: the row exists already (another writer created it first).
  async insertNew(doc: RowDoc): Promise<boolean> {
    try {
      await this.insert(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  // Every change goes through here: only from the revision (and, if given, the states) the caller read.
  async update(
    id: string,
    revision: number,
    changes: Partial<Omit<RowDoc, '_id' | 'revision'>>,
    states?: readonly RowState[],
  ): Promise<RowDoc | null> {
    const filter = { _id: id, revision, ...(states ? { state: { $in: [...states] } } : {}) };
    return this.updateAndRead(filter, { $set: changes, $inc: { revision: 1 } });
  }

  // Takes an approved row for pushing; null when it is not approved or another push holds it.
  async lease(id: string, now: Date, until: Date): Promise<RowDoc | null> {
    const leasable = { _id: id, state: 'approved', connectionKind: 'connectwise', pushLeaseUntil: { $lt: now } };
    return this.updateAndRead(leasable, { $set: { pushLeaseUntil: until } });
  }

  async releaseLease(id: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { pushLeaseUntil: new Date(0) } }).exec();
  }

  // Approved rows no push holds (left over from a restart).
  async pushable(now: Date): Promise<string[]> {
    const docs = await this.model
      .find({ state: 'approved', connectionKind: 'connectwise', pushLeaseUntil: { $lt: now } }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return docs.map((d) => d._id);
  }

  // Cross-tenant unless the query names an account; by row id.
  page<T>(query: RowFilter & Omit<PageRequest, 'sort'>, toView: (doc: RowDoc) => T): Promise<Page<T>> {
    const { limit, cursor, ...filter } = query;
    return findPage(this.finder(), definedOnly(filter), { limit, cursor, sort: '_id' }, toView);
  }
}
