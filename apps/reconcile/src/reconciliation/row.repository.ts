import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { ReconciliationUpdatedEvent } from '@seatwise/shared/contracts/reconcile-events';
import type { ReconciliationRowView } from '@seatwise/shared/contracts/reconcile-views';
import { type Model, Schema } from 'mongoose';
import { afterCondition } from '../db/cursor';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';

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
    _id: String, accountId: String, accountName: String, psaCompanyId: { type: String, default: null }, connectionId: { type: String, default: null },
    connectionKind: { type: String, default: null }, sku: String, productId: { type: String, default: null }, vendorQuantity: Number, psaQuantity: Number,
    delta: Number, type: String, state: String, effectiveDate: { type: Date, default: null }, note: { type: String, default: null },
    lastError: { type: Schema.Types.Mixed, default: null }, decidedBy: { type: String, default: null }, decidedAt: { type: Date, default: null }, appliedAt: { type: Date, default: null },
    revision: Number, updatedAt: Date, pushLeaseUntil: Date,
  },
  { versionKey: false },
);
schema.index({ accountId: 1, _id: 1 });
schema.index({ state: 1, _id: 1 });
schema.index({ type: 1, _id: 1 });

export interface RowQuery {
  type?: RowDoc['type'] | undefined;
  state?: RowState | undefined;
  accountId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export function rowId(accountId: string, sku: string): string {
  return `rec_${accountId}_${sku.toLowerCase()}`;
}

@Injectable()
export class RowRepository implements OnModuleInit {
  private readonly model: Model<RowDoc>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.connection.model<RowDoc>('ReconciliationRow', schema, 'reconciliation_rows');
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async get(id: string): Promise<RowDoc | null> {
    return normalize(await this.model.findById(id).lean<RowDoc>().exec());
  }

  async byIds(ids: string[]): Promise<RowDoc[]> {
    return (await this.model.find({ _id: { $in: ids } }).lean<RowDoc[]>().exec()).map((d) => normalize(d) as RowDoc);
  }

  async ofAccount(scope: { accountId: string }): Promise<RowDoc[]> {
    return (await this.model.find({ accountId: scope.accountId }).lean<RowDoc[]>().exec()).map((d) => normalize(d) as RowDoc);
  }

  async insert(doc: RowDoc): Promise<boolean> {
    try {
      await this.model.create(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  // Every change goes through here: only from the revision (and, if given, the states) the caller read.
  async update(id: string, revision: number, changes: Partial<Omit<RowDoc, '_id' | 'revision'>>, states?: readonly RowState[]): Promise<RowDoc | null> {
    const filter = { _id: id, revision, ...(states ? { state: { $in: [...states] } } : {}) };
    return normalize(await this.model.findOneAndUpdate(filter, { $set: changes, $inc: { revision: 1 } }, { returnDocument: 'after' }).lean<RowDoc>().exec());
  }

  // Takes an approved row for pushing; null when it is not approved or another push holds it.
  async lease(id: string, now: Date, until: Date): Promise<RowDoc | null> {
    return normalize(
      await this.model
        .findOneAndUpdate({ _id: id, state: 'approved', connectionKind: 'connectwise', pushLeaseUntil: { $lt: now } }, { $set: { pushLeaseUntil: until } }, { returnDocument: 'after' })
        .lean<RowDoc>()
        .exec(),
    );
  }

  async releaseLease(id: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { pushLeaseUntil: new Date(0) } }).exec();
  }

  // Approved rows no push holds (left over from a restart).
  async pushable(now: Date): Promise<string[]> {
    const docs = await this.model.find({ state: 'approved', connectionKind: 'connectwise', pushLeaseUntil: { $lt: now } }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return docs.map((d) => d._id);
  }

  async list(query: RowQuery): Promise<RowDoc[]> {
    const filter = {
      ...(query.type === undefined ? {} : { type: query.type }),
      ...(query.state === undefined ? {} : { state: query.state }),
      ...(query.accountId === undefined ? {} : { accountId: query.accountId }),
      ...afterCondition(query.cursor, 1),
    };
    const docs = await this.model.find(filter).sort({ _id: 1 }).limit(query.limit + 1).lean<RowDoc[]>().exec();
    return docs.map((d) => normalize(d) as RowDoc);
  }
}

function normalize(doc: RowDoc | null): RowDoc | null {
  if (!doc) return null;
  return {
    ...doc, psaCompanyId: doc.psaCompanyId ?? null, connectionId: doc.connectionId ?? null, connectionKind: doc.connectionKind ?? null,
    productId: doc.productId ?? null, effectiveDate: doc.effectiveDate ?? null, note: doc.note ?? null, lastError: doc.lastError ?? null,
    decidedBy: doc.decidedBy ?? null, decidedAt: doc.decidedAt ?? null, appliedAt: doc.appliedAt ?? null,
  };
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export function toRowView(doc: RowDoc): ReconciliationRowView {
  return {
    id: doc._id, accountId: doc.accountId, accountName: doc.accountName, psaCompanyId: doc.psaCompanyId, sku: doc.sku,
    productId: doc.productId, vendorQuantity: doc.vendorQuantity, psaQuantity: doc.psaQuantity, delta: doc.delta, type: doc.type,
    state: doc.state, effectiveDate: iso(doc.effectiveDate), note: doc.note,
    lastError: doc.lastError ? { code: doc.lastError.code, message: doc.lastError.message, at: new Date(doc.lastError.at).toISOString() } : null,
    decidedBy: doc.decidedBy, decidedAt: iso(doc.decidedAt), appliedAt: iso(doc.appliedAt), revision: doc.revision,
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

export function toRowEvent(doc: RowDoc): ReconciliationUpdatedEvent {
  return {
    accountId: doc.accountId, rowId: doc._id, psaCompanyId: doc.psaCompanyId, sku: doc.sku, productId: doc.productId,
    vendorQuantity: doc.vendorQuantity, psaQuantity: doc.psaQuantity, delta: doc.delta, type: doc.type, state: doc.state,
    revision: doc.revision, updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
