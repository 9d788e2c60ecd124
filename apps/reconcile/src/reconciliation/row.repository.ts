import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { Page } from '@seatwise/shared/contracts/page';
import type { ReconciliationUpdatedEvent } from '@seatwise/shared/contracts/reconcile-events';
import { Schema } from 'mongoose';
import { definedOnly } from '../db/defined-only';
import { ROW_SORT_FIELDS, type RowFilter, type RowScope } from './row-list-query';

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
// A list filters on one of these fields or sorts by one (ties by _id); a descending sort walks the index backwards.
// (type and state are both filters and sorts.)
for (const field of new Set(['accountId', 'psaCompanyId', ...ROW_SORT_FIELDS])) schema.index({ [field]: 1, _id: 1 });

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

export interface TypeStateCount {
  type: RowDoc['type'];
  state: RowState;
  n: number;
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

  // Cross-tenant unless the filter names an account.
  page(filter: Partial<RowFilter>, request: PageRequest): Promise<Page<RowDoc>> {
    return findPage(this.finder(), filter, request, (doc) => doc);
  }

  // One $group with one accumulator (FerretDB 1.24 sums wrong next to another accumulator).
  async countByTypeAndState(scope: RowScope): Promise<TypeStateCount[]> {
    const groups = await this.model
      .aggregate<{ _id: { type: RowDoc['type']; state: RowState }; n: number }>([
        { $match: definedOnly(scope) },
        { $group: { _id: { type: '$type', state: '$state' }, n: { $sum: 1 } } },
      ])
      .exec();
    return groups.map((g) => ({ type: g._id.type, state: g._id.state, n: g.n }));
  }

  // A quantity summed over the rows whose account and SKU are mapped; its own $group, as above.
  async sumMapped(scope: RowScope, field: 'vendorQuantity' | 'psaQuantity'): Promise<number> {
    const [sum] = await this.model
      .aggregate<{ n: number }>([
        { $match: { ...definedOnly(scope), type: { $ne: 'unmapped' } } },
        { $group: { _id: null, n: { $sum: `$${field}` } } },
      ])
      .exec();
    return sum?.n ?? 0;
  }
}
