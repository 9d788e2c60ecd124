import { Injectable } from '@nestjs/common';
import type { PageFinder } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { NativeRepository } from '@seatwise/platform/db/native-repository';
import { bulkWriteInChunks } from '../inventory/bulk-docs';

// One account's part of a group.
export interface GroupAccount {
  accountId: string;
  users: number;
  serviceIds: string[];
  firstSeen: Date;
  lastSeen: Date;
}

// A service across customers (see groupKeyOf): derived from the services of every account, rewritten
// whole whenever one of them changes, so it is never summed incrementally and a rebuild is always right.
// The cross-tenant read by design: it answers "who uses this app", account ids included.
export interface GroupDoc {
  _id: string;
  name: string;
  productId: string | null;
  category: string | null;
  customers: number;
  users: number;
  services: number;
  firstSeen: Date;
  lastSeen: Date;
  accounts: GroupAccount[];
}

@Injectable()
export class GroupsRepository extends NativeRepository<GroupDoc> {
  constructor(connection: MongoConnection) {
    const sorts = ['name', 'customers', 'users', 'firstSeen', 'lastSeen'].map((field) => ({
      [field]: 1 as const,
      _id: 1 as const,
    }));
    super(connection, 'service_groups', sorts);
  }

  get(id: string): Promise<GroupDoc | null> {
    return this.collection.findOne({ _id: id });
  }

  // Each group replaced whole (or inserted), in bounded bulk commands; the groups in `gone` deleted.
  async save(groups: readonly GroupDoc[], gone: readonly string[]): Promise<void> {
    const ops = groups.map((group) => ({
      replaceOne: { filter: { _id: group._id }, replacement: group, upsert: true },
    }));
    await bulkWriteInChunks(this.collection, ops);
    if (gone.length > 0) await this.collection.deleteMany({ _id: { $in: [...gone] } });
  }

  async clear(): Promise<void> {
    await this.collection.deleteMany({});
  }

  // Lists leave out the accounts (the detail's part).
  finder(): PageFinder<GroupDoc> {
    return (filter, sort, limit) =>
      this.collection
        .find(filter, { projection: { accounts: 0 } })
        .sort(sort)
        .limit(limit)
        .toArray();
  }
}
