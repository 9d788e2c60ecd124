import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { ServiceStatus } from '@seatwise/shared/contracts/discovery-views';
import type { AccountsScope } from './account-counts';
import { AccountMembersRepository, memberOf } from './account-members.repository';
import { bulkWriteInChunks } from './bulk-docs';
import type { WriteMode } from './inventory-writes';
import type { Scope } from './ids';
import { groupKeyOf } from './group-key';
import { InventoryRepository } from './inventory.repository';
import { NO_OUTCOMES, type OutcomeTotals } from './outcome-totals';
import { listIndexes } from './scoped.repository';

export interface ServiceDoc extends OutcomeTotals {
  _id: string;
  accountId: string;
  applicationKey: string;
  name: string;
  status: ServiceStatus;
  catalog: CatalogMatch | null;
  // A person decided the match (matched, merged or un-matched it): automatic re-matching leaves it alone.
  catalogLocked: boolean;
  // The group across customers (see groupKeyOf), kept with the catalog match.
  groupKey: string;
  mergedInto: string | null;
  firstSeen: Date;
  lastSeen: Date;
  authCount: number;
  // Users with a successful authentication, and users with any attempt.
  userCount: number;
  attemptedUserCount: number;
  // The journal batches that last changed and that created the document.
  lastBatch: number;
  firstBatch: number;
}

// FerretDB 1.24 drops null values given in $setOnInsert; reads fill them back.
const ABSENT: Partial<ServiceDoc> = {
  catalog: null,
  mergedInto: null,
  catalogLocked: false,
  attemptedUserCount: 0,
  ...NO_OUTCOMES,
};

export type SummaryFields = Pick<
  ServiceDoc,
  'accountId' | 'status' | 'catalog' | 'firstSeen' | 'lastSeen' | 'authCount'
>;

export type ServiceChanges = Partial<Pick<ServiceDoc, 'status' | 'catalog' | 'mergedInto' | 'catalogLocked'>>;

// An account's services are read through its list of service ids on FerretDB 1.x (see AccountMembersRepository):
// every id is listed before its document is first written (batches), and the lists are rebuilt at every start.
@Injectable()
export class ServicesRepository extends InventoryRepository<ServiceDoc> {
  constructor(
    connection: MongoConnection,
    private readonly members: AccountMembersRepository,
  ) {
    const sorts = listIndexes(['lastSeen', 'firstSeen', 'name', 'userCount', 'authCount']);
    super(connection, 'services', [...sorts, { accountId: 1, mergedInto: 1 }, { groupKey: 1 }], ABSENT);
  }

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    await this.members.rebuild('services', this.memberList());
  }

  // The services a batch creates are listed first (the others are listed already).
  override async save(docs: readonly ServiceDoc[], mode: WriteMode): Promise<void> {
    await this.members.add('services', docs.filter((doc) => doc.firstBatch === doc.lastBatch).map(memberOf));
    await super.save(docs, mode);
  }

  protected override narrow(scope: Scope): Promise<string[] | null> {
    return this.members.narrowing('services', scope);
  }

  // Every service of the given groups, across accounts (the cross-customer rollup's source).
  async inGroups(groupKeys: readonly string[]): Promise<ServiceDoc[]> {
    if (groupKeys.length === 0) return [];
    const docs = await this.collection.find({ groupKey: { $in: [...groupKeys] } }).toArray();
    return docs.map((doc) => this.filled(doc));
  }

  // Services automatic matching may change (not decided by a person, not merged), across accounts: a new
  // catalog version re-matches them. Read in pages by _id (bounded memory).
  async *rematchable(): AsyncGenerator<ServiceDoc[]> {
    let after = '';
    for (;;) {
      const docs = await this.collection
        .find({ _id: { $gt: after } })
        .sort({ _id: 1 })
        .limit(1_000)
        .toArray();
      if (docs.length === 0) return;
      after = docs[docs.length - 1]?._id ?? after;
      yield docs.map((doc) => this.filled(doc)).filter((doc) => !doc.catalogLocked && doc.mergedInto === null);
    }
  }

  // Every service's group key (for the rollup's full rebuild), in pages by _id.
  async *all(): AsyncGenerator<ServiceDoc[]> {
    let after = '';
    for (;;) {
      const docs = await this.collection
        .find({ _id: { $gt: after } })
        .sort({ _id: 1 })
        .limit(1_000)
        .toArray();
      if (docs.length === 0) return;
      after = docs[docs.length - 1]?._id ?? after;
      yield docs.map((doc) => this.filled(doc));
    }
  }

  mergedInto(scope: Scope, id: string): Promise<ServiceDoc[]> {
    return this.find(scope, { mergedInto: id }, { name: 1, _id: 1 }, 1_000);
  }

  // The group key follows the catalog match (a change of match moves the service to another group).
  async update(scope: Scope, id: string, changes: ServiceChanges): Promise<ServiceDoc | null> {
    const current = await this.get(scope, id);
    if (!current) return null;
    const catalog = changes.catalog === undefined ? current.catalog : changes.catalog;
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, accountId: scope.accountId },
      { $set: { ...changes, groupKey: groupKeyOf(catalog, current.name) } },
      { returnDocument: 'after' },
    );
    return doc ? this.filled(doc) : null;
  }

  // Services stored before group keys get theirs (one update per service that lacks or misstates it).
  async backfillGroupKeys(): Promise<void> {
    for await (const page of this.all()) {
      const ops = page.flatMap((doc) => {
        const groupKey = groupKeyOf(doc.catalog, doc.name);
        return doc.groupKey === groupKey
          ? []
          : [{ updateOne: { filter: { _id: doc._id }, update: { $set: { groupKey } } } }];
      });
      await bulkWriteInChunks(this.collection, ops);
    }
  }

  // Zeroes what the auth logs derived (counts, outcomes), keeping the documents and what people decided:
  // a re-derivation then adds every fact again. Kept: the first/last seen span (the replay widens it).
  async resetDerived(): Promise<void> {
    await this.collection.updateMany(
      {},
      { $set: { authCount: 0, userCount: 0, attemptedUserCount: 0, ...NO_OUTCOMES, lastBatch: 0 } },
    );
  }

  // What the account summaries count of each service, in one pass over the scope's services (six aggregations and
  // a lookup per account before: each a scan on FerretDB 1.24, and it has no $max to find the last seen).
  // One account's through its list where the server reads those faster (see narrow).
  async *summaryFields(scope: AccountsScope): AsyncGenerator<SummaryFields> {
    const projection = { accountId: 1, status: 1, catalog: 1, firstSeen: 1, lastSeen: 1, authCount: 1 };
    const ids = scope.accountId === undefined ? null : await this.narrow({ accountId: scope.accountId });
    if (ids?.length === 0) return;
    const filter = ids ? { _id: { $in: [...ids] }, ...scope } : scope;
    for await (const doc of this.collection.find(filter, { projection, batchSize: 5_000 })) yield this.filled(doc);
  }
}
