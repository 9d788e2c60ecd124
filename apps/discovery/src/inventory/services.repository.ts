import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { ServiceStatus } from '@seatwise/shared/contracts/discovery-views';
import { AccountMembersRepository, memberOf } from './account-members.repository';
import { bulkWriteInChunks } from './bulk-docs';
import type { WriteMode } from './inventory-writes';
import type { Scope } from './ids';
import { groupKeyOf } from './group-key';
import { InventoryRepository } from './inventory.repository';
import { NO_OUTCOMES, type OutcomeTotals } from './outcome-totals';
import { listIndexes } from './scoped.repository';
import { type FigureSource, ServiceFiguresRepository } from './service-figures.repository';

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

export type ServiceChanges = Partial<Pick<ServiceDoc, 'status' | 'catalog' | 'mergedInto' | 'catalogLocked'>>;

// An account's services are read through its list of service ids on FerretDB 1.x (see AccountMembersRepository):
// every id is listed before its document is first written (batches), and the lists are rebuilt at every start.
// Every write of services is followed by their figures' (ServiceFiguresRepository: what the account summary reads),
// and every start puts them all again.
@Injectable()
export class ServicesRepository extends InventoryRepository<ServiceDoc> {
  constructor(
    connection: MongoConnection,
    private readonly members: AccountMembersRepository,
    private readonly figures: ServiceFiguresRepository,
  ) {
    const sorts = listIndexes(['lastSeen', 'firstSeen', 'name', 'userCount', 'authCount']);
    super(connection, 'services', [...sorts, { accountId: 1, mergedInto: 1 }, { groupKey: 1 }], ABSENT);
  }

  // One pass over the services rebuilds both their account lists and their figures.
  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    const sources = await this.figureSources();
    await this.members.rebuild('services', sources.map(memberOf));
    await this.figures.put(sources, true);
  }

  // The services a batch creates are listed first (the others are listed already).
  override async save(docs: readonly ServiceDoc[], mode: WriteMode): Promise<void> {
    await this.members.add('services', docs.filter((doc) => doc.firstBatch === doc.lastBatch).map(memberOf));
    await super.save(docs, mode);
    await this.figures.put(docs);
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
    if (!doc) return null;
    const after = this.filled(doc);
    await this.figures.put([after]);
    return after;
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
    await this.figures.put(await this.figureSources(), true);
  }

  // What the figures are made of, of every service (bounded by the inventory's size: a start's or a
  // re-derivation's pass).
  private async figureSources(): Promise<FigureSource[]> {
    const projection = { accountId: 1, status: 1, catalog: 1, firstSeen: 1, lastSeen: 1, authCount: 1 };
    const sources: FigureSource[] = [];
    for await (const doc of this.collection.find({}, { projection, batchSize: 5_000 })) sources.push(this.filled(doc));
    return sources;
  }
}
