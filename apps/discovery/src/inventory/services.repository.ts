import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { ServiceStatus } from '@seatwise/shared/contracts/discovery-views';
import type { mongo } from 'mongoose';
import { type AccountCount, type AccountsScope, countPerAccount } from './account-counts';
import type { Scope } from './ids';
import { InventoryRepository } from './inventory.repository';
import { listIndexes } from './scoped.repository';

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

@Injectable()
export class ServicesRepository extends InventoryRepository<ServiceDoc> {
  constructor(connection: MongoConnection) {
    const sorts = listIndexes(['lastSeen', 'firstSeen', 'name', 'userCount', 'authCount']);
    super(connection, 'services', [...sorts, { accountId: 1, mergedInto: 1 }], ABSENT);
  }

  async mergedInto(scope: Scope, id: string): Promise<ServiceDoc[]> {
    const docs = await this.collection
      .find({ accountId: scope.accountId, mergedInto: id })
      .sort({ name: 1, _id: 1 })
      .limit(1000)
      .toArray();
    return docs.map((doc) => this.filled(doc));
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
    return doc ? this.filled(doc) : null;
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
