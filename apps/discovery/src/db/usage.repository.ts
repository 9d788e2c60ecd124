import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { mongo } from 'mongoose';
import { loadByIds, replaceDocs } from './bulk-docs';
import { ensureIndexes, nativeDb } from './native-db';
import type { Scope } from './services.repository';

// One row per (service, user): the source of distinct-user counts and of active users over a window.
export interface UsageDoc {
  _id: string;
  accountId: string;
  serviceId: string;
  userId: string;
  applicationKey: string;
  userKey: string;
  firstSeen: Date;
  lastSeen: Date;
  count: number;
  lastBatch: number;
  firstBatch: number;
}

@Injectable()
export class UsageRepository implements OnModuleInit {
  readonly collection: mongo.Collection<UsageDoc>;

  constructor(connection: MongoConnection) {
    this.collection = nativeDb(connection).collection('usage');
  }

  async onModuleInit(): Promise<void> {
    // Sorting by count reads one service's (or user's) rows through these too: bounded by its users.
    await ensureIndexes(this.collection, [{ serviceId: 1, lastSeen: 1, _id: 1 }, { userId: 1, lastSeen: 1, _id: 1 }]);
  }

  load(ids: readonly string[]): Promise<Map<string, UsageDoc>> {
    return loadByIds(this.collection, ids);
  }

  replace(docs: readonly UsageDoc[]): Promise<void> {
    return replaceDocs(this.collection, docs);
  }

  async find(scope: Scope, filter: mongo.Filter<UsageDoc>, sort: Record<string, 1 | -1>, limit: number): Promise<UsageDoc[]> {
    return this.collection.find({ $and: [{ accountId: scope.accountId }, filter] }).sort(sort).limit(limit).toArray();
  }

  async countActive(scope: Scope, serviceId: string, since: Date): Promise<number> {
    return this.collection.countDocuments({ serviceId, accountId: scope.accountId, lastSeen: { $gte: since } });
  }
}
