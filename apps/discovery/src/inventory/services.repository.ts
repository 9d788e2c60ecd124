import { Injectable, type OnModuleInit } from '@nestjs/common';
import { fillAbsent } from '@seatwise/platform/db/fill-absent';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { ensureIndexes, nativeDb } from '@seatwise/platform/db/native-db';
import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { ServiceStatus } from '@seatwise/shared/contracts/discovery-views';
import type { mongo } from 'mongoose';
import { type AccountCount, type AccountsScope, countPerAccount } from './account-counts';
import { loadByIds, saveDocs } from './bulk-docs';
import type { Scope } from './ids';
import type { WriteMode } from './inventory-writes';

export interface ServiceDoc {
  _id: string;
  accountId: string;
  applicationKey: string;
  name: string;
  status: ServiceStatus;
  catalog: CatalogMatch | null;
  mergedInto: string | null;
  firstSeen: Date;
  lastSeen: Date;
  authCount: number;
  successCount: number;
  denialCount: number;
  userCount: number;
  // The journal batches that last changed and that created the document.
  lastBatch: number;
  firstBatch: number;
}

// FerretDB 1.24 drops null values given in $setOnInsert; reads fill them back.
const ABSENT: Partial<ServiceDoc> = { catalog: null, mergedInto: null };
const filled = (doc: ServiceDoc): ServiceDoc => fillAbsent(ABSENT, doc);

@Injectable()
export class ServicesRepository implements OnModuleInit {
  private readonly collection: mongo.Collection<ServiceDoc>;

  constructor(connection: MongoConnection) {
    this.collection = nativeDb(connection).collection('services');
  }

  async onModuleInit(): Promise<void> {
    const sorts = ['lastSeen', 'firstSeen', 'name', 'userCount', 'authCount'].map((field): Record<string, 1> => ({
      accountId: 1,
      [field]: 1,
      _id: 1,
    }));
    await ensureIndexes(this.collection, [...sorts, { accountId: 1, mergedInto: 1 }]);
  }

  async load(ids: readonly string[]): Promise<Map<string, ServiceDoc>> {
    const docs = await loadByIds(this.collection, ids);
    for (const [id, doc] of docs) docs.set(id, filled(doc));
    return docs;
  }

  save(docs: readonly ServiceDoc[], mode: WriteMode): Promise<void> {
    return saveDocs(this.collection, docs, mode);
  }

  // By _id alone (FerretDB scans for any other filter), the account checked on the document.
  async get(scope: Scope, id: string): Promise<ServiceDoc | null> {
    const doc = await this.collection.findOne({ _id: id });
    return doc?.accountId === scope.accountId ? filled(doc) : null;
  }

  async find(
    scope: Scope,
    filter: mongo.Filter<ServiceDoc>,
    sort: Record<string, 1 | -1>,
    limit: number,
  ): Promise<ServiceDoc[]> {
    const docs = await this.collection
      .find({ $and: [{ accountId: scope.accountId }, filter] })
      .sort(sort)
      .limit(limit)
      .toArray();
    return docs.map(filled);
  }

  async mergedInto(scope: Scope, id: string): Promise<ServiceDoc[]> {
    const docs = await this.collection
      .find({ accountId: scope.accountId, mergedInto: id })
      .sort({ name: 1, _id: 1 })
      .limit(1000)
      .toArray();
    return docs.map(filled);
  }

  async update(
    scope: Scope,
    id: string,
    changes: Partial<Pick<ServiceDoc, 'status' | 'catalog' | 'mergedInto'>>,
  ): Promise<ServiceDoc | null> {
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, accountId: scope.accountId },
      { $set: changes },
      { returnDocument: 'after' },
    );
    return doc ? filled(doc) : null;
  }

  // Services per account matching `filter` (all of them without one); the scope always applies.
  countPerAccount(scope: AccountsScope, filter: mongo.Filter<ServiceDoc> = {}): Promise<AccountCount[]> {
    return countPerAccount(this.collection, { ...filter, ...scope });
  }

  countPerAccountAndStatus(scope: AccountsScope): Promise<AccountCount[]> {
    return countPerAccount(this.collection, scope, true);
  }

  // Its own $group: FerretDB 1.24 returns 0 for a field $sum next to another accumulator.
  authCountPerAccount(scope: AccountsScope): Promise<{ _id: string; auth: number }[]> {
    return this.collection
      .aggregate<{ _id: string; auth: number }>([
        { $match: scope },
        { $group: { _id: '$accountId', auth: { $sum: '$authCount' } } },
      ])
      .toArray();
  }
}
