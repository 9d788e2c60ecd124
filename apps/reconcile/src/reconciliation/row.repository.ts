import { Injectable } from '@nestjs/common';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { Page } from '@seatwise/shared/contracts/page';
import type { ReconciliationUpdatedEvent } from '@seatwise/shared/contracts/reconcile-events';
import { Schema } from 'mongoose';
import { definedOnly } from '../db/defined-only';
import { RowsVersionRepository } from './rows-version.repository';
import { AccountRowIdsRepository } from './account-row-ids.repository';
import { RowRevisionClaims } from './row-revision-claims';
import { ROW_SORT_FIELDS, type RowQueryFilter, type RowScope } from './row-list-query';

export type RowState = ReconciliationUpdatedEvent['state'];
export type ConnectionKind = 'connectwise' | 'autotask' | 'halopsa' | 'import';
// Why a new-revenue row has no agreement to add the product to.
export type AgreementIssue = 'no_active_agreement' | 'ambiguous';

// What an approval was about, recorded when approving: the push sends exactly these, and a recompute that moves
// any of them reopens the row instead.
export interface FrozenApproval {
  quantity: number;
  psaCompanyId: string;
  productId: string;
  // The agreement a missing line is added to (null when the company already has a line of the product).
  agreementId: string | null;
  effectiveDate: Date | null;
}

export interface RowDoc {
  _id: string;
  accountId: string;
  accountName: string;
  psaCompanyId: string | null;
  connectionId: string | null;
  connectionKind: ConnectionKind | null;
  sku: string;
  productId: string | null;
  // The agreement of the line a push changes, or the one a new line goes on; null with agreementIssue when none.
  agreementId: string | null;
  agreementIssue: AgreementIssue | null;
  vendorQuantity: number;
  psaQuantity: number;
  delta: number;
  type: ReconciliationUpdatedEvent['type'];
  // Price per unit per month (the PSA line's own, else the product's) and delta × price, in `currency`. An
  // unpriced row stores 0 (a sort field is always stored) and is shown as unknown.
  unitPrice: number | null;
  currency: string | null;
  monthlyImpact: number;
  approved: FrozenApproval | null;
  // Left out of the review (muted=false) until then; null when never muted.
  mutedUntil: Date | null;
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
  // The push holding the row (a new one each time a push takes it; null when none does): only that push may settle
  // it, so a push that outlived its lease cannot overwrite what the next push or a new decision wrote (#18).
  pushToken: string | null;
  // The ids of the row's last changes (RowChanges): how the outbox tells a change that landed from one that did not.
  changeIds: string[];
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
    agreementId: { type: String, default: null },
    agreementIssue: { type: String, default: null },
    vendorQuantity: Number,
    psaQuantity: Number,
    delta: Number,
    type: String,
    unitPrice: { type: Number, default: null },
    currency: { type: String, default: null },
    monthlyImpact: { type: Number, default: 0 },
    approved: { type: Schema.Types.Mixed, default: null },
    mutedUntil: { type: Date, default: null },
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
    pushToken: { type: String, default: null },
    changeIds: { type: [String], default: [] },
  },
  { versionKey: false },
);
// A list filters on one of these fields or sorts by one (ties by _id); a descending sort walks the index backwards.
// (type and state are both filters and sorts.)
for (const field of new Set(['accountId', 'psaCompanyId', ...ROW_SORT_FIELDS])) schema.index({ [field]: 1, _id: 1 });

// What a row holds before anyone decides about it.
export const UNDECIDED = {
  approved: null,
  effectiveDate: null,
  note: null,
  lastError: null,
  decidedBy: null,
  decidedAt: null,
  appliedAt: null,
} as const satisfies Partial<RowDoc>;

const DEFAULTS: Partial<RowDoc> = {
  pushToken: null,
  changeIds: [],
  psaCompanyId: null,
  connectionId: null,
  connectionKind: null,
  productId: null,
  agreementId: null,
  agreementIssue: null,
  unitPrice: null,
  currency: null,
  monthlyImpact: 0,
  mutedUntil: null,
  ...UNDECIDED,
};

export interface TypeStateCount {
  type: RowDoc['type'];
  state: RowState;
  n: number;
}

// Connections whose approved rows are pushed to the PSA (an import's are only recorded).
export const PUSHED_KINDS: readonly ConnectionKind[] = ['connectwise', 'autotask', 'halopsa'];

export function isPushed(kind: ConnectionKind | null): boolean {
  return kind !== null && PUSHED_KINDS.includes(kind);
}

export interface TypeStateMoney {
  type: RowDoc['type'];
  state: RowState;
  currency: string | null;
  amount: number;
}

export function rowId(accountId: string, sku: string): string {
  return `rec_${accountId}_${sku.toLowerCase()}`;
}

@Injectable()
export class RowRepository extends MongooseRepository<RowDoc> {
  constructor(
    mongo: MongoConnection,
    private readonly claims: RowRevisionClaims,
    private readonly accountRows: AccountRowIdsRepository,
    private readonly version: RowsVersionRepository,
  ) {
    super(mongo, { model: 'ReconciliationRow', collection: 'reconciliation_rows', schema, defaults: DEFAULTS });
  }

  // Rows stored before the per-account index existed are entered once (entering twice is harmless).
  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    if (await this.accountRows.backfilled()) return;
    const docs = await this.model.find({}, { accountId: 1 }).lean<{ _id: string; accountId: string }[]>().exec();
    for (const doc of docs) await this.accountRows.add({ accountId: doc.accountId }, doc._id);
    await this.accountRows.markBackfilled();
  }

  byIds(ids: string[]): Promise<RowDoc[]> {
    return this.findMany({ _id: { $in: ids } });
  }

  // The account's rows, each read by _id from the account's row index (see AccountRowIdsRepository).
  async ofAccount(scope: { accountId: string }): Promise<RowDoc[]> {
    const rows = await Promise.all((await this.accountRows.of(scope)).map((id) => this.findById(id)));
    return rows.filter((row): row is RowDoc => row !== null);
  }

  // An excluded account leaves the review: its rows go, but for one being pushed (its push settles it first).
  async removeOfAccount(scope: { accountId: string }): Promise<number> {
    const removed: string[] = [];
    for (const row of await this.ofAccount(scope)) {
      const gone = await this.model.deleteOne({ _id: row._id, state: { $ne: 'approved' } }).exec();
      if (gone.deletedCount === 1) removed.push(row._id);
    }
    await this.accountRows.remove(scope, removed);
    if (removed.length > 0) await this.version.bump();
    return removed.length;
  }

  // false: the row exists already (another writer created it first). The account's index has it first.
  async insertNew(doc: RowDoc): Promise<boolean> {
    await this.accountRows.add({ accountId: doc.accountId }, doc._id);
    const inserted = await this.insertIfAbsent(doc);
    if (inserted) await this.version.bump();
    return inserted;
  }

  // Every change goes through here: only from the revision (and, if given, the states) the caller read, and only
  // by the one writer that claimed that revision.
  async update(
    id: string,
    revision: number,
    changes: Partial<Omit<RowDoc, '_id' | 'revision'>>,
    states?: readonly RowState[],
  ): Promise<RowDoc | null> {
    if (!(await this.claims.take(id, revision))) return null;
    const filter = { _id: id, revision, ...(states ? { state: { $in: [...states] } } : {}) };
    const updated = await this.updateAndRead(filter, { $set: changes, $inc: { revision: 1 } });
    await this.claims.settle(id, revision, updated !== null);
    if (updated !== null) await this.version.bump();
    return updated;
  }

  // Approved rows no push holds (left over from a restart).
  async pushable(now: Date): Promise<string[]> {
    const docs = await this.model
      .find({ state: 'approved', connectionKind: { $in: PUSHED_KINDS }, pushLeaseUntil: { $lt: now } }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return docs.map((d) => d._id);
  }

  // Cross-tenant unless the filter names an account.
  page(filter: RowQueryFilter, request: PageRequest): Promise<Page<RowDoc>> {
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

  // Money per month by type, state and currency over priced rows; its own $group, as above.
  async moneyByTypeAndState(scope: RowScope): Promise<TypeStateMoney[]> {
    const groups = await this.model
      .aggregate<{ _id: { type: RowDoc['type']; state: RowState; currency: string | null }; amount: number }>([
        { $match: { ...definedOnly(scope), unitPrice: { $type: 'number' } } },
        {
          $group: {
            _id: { type: '$type', state: '$state', currency: '$currency' },
            amount: { $sum: '$monthlyImpact' },
          },
        },
      ])
      .exec();
    return groups.map((g) => ({ ...g._id, currency: g._id.currency ?? null, amount: g.amount }));
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
