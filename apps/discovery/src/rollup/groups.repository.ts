import { Injectable } from '@nestjs/common';
import type { PageFinder } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import { NativeRepository } from '@seatwise/platform/db/native-repository';
import type { mongo } from 'mongoose';
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
export interface GroupDoc extends GroupSummaryDoc {
  accounts: GroupAccount[];
}

// What a list shows of a group, stored apart from its accounts (GroupAccountsDoc, same _id): FerretDB 1.x reads
// whole documents on a scan, and a popular app's accounts (one entry per customer, with its service ids) made the
// list of 250 groups cost about 1 ms each (#19). Documents from before the split still hold `accounts`.
export interface GroupSummaryDoc {
  _id: string;
  name: string;
  productId: string | null;
  category: string | null;
  customers: number;
  users: number;
  services: number;
  firstSeen: Date;
  lastSeen: Date;
}

interface StoredGroupDoc extends GroupSummaryDoc {
  accounts?: GroupAccount[];
}

interface GroupAccountsDoc {
  _id: string;
  accounts: GroupAccount[];
}

@Injectable()
export class GroupsRepository extends NativeRepository<StoredGroupDoc> {
  private readonly accounts: mongo.Collection<GroupAccountsDoc>;

  constructor(connection: MongoConnection) {
    const sorts = ['name', 'customers', 'users', 'firstSeen', 'lastSeen'].map((field) => ({
      [field]: 1 as const,
      _id: 1 as const,
    }));
    super(connection, 'service_groups', sorts);
    this.accounts = nativeDb(connection).collection<GroupAccountsDoc>('service_group_accounts');
  }

  // The group and its accounts, two reads by _id.
  async get(id: string): Promise<GroupDoc | null> {
    const [group, accounts] = await Promise.all([
      this.collection.findOne({ _id: id }),
      this.accounts.findOne({ _id: id }),
    ]);
    if (!group) return null;
    return { ...group, accounts: accounts?.accounts ?? group.accounts ?? [] };
  }

  // Each group replaced whole (or inserted), accounts first, in bounded bulk commands; the groups in `gone` deleted.
  // A crash between the two writes leaves a group's accounts newer than its figures until its pending rebuild is
  // drained again (the pending marks are removed only after the save).
  async save(groups: readonly GroupDoc[], gone: readonly string[]): Promise<void> {
    await bulkWriteInChunks(
      this.accounts,
      groups.map(({ _id, accounts }) => ({
        replaceOne: { filter: { _id }, replacement: { _id, accounts }, upsert: true },
      })),
    );
    await bulkWriteInChunks(
      this.collection,
      groups.map(({ accounts: _accounts, ...summary }) => ({
        replaceOne: { filter: { _id: summary._id }, replacement: summary, upsert: true },
      })),
    );
    if (gone.length > 0) {
      await this.collection.deleteMany({ _id: { $in: [...gone] } });
      await this.accounts.deleteMany({ _id: { $in: [...gone] } });
    }
  }

  async clear(): Promise<void> {
    await this.collection.deleteMany({});
    await this.accounts.deleteMany({});
  }

  // Lists leave out the accounts (the detail's part; only documents from before the split hold them).
  finder(): PageFinder<GroupSummaryDoc> {
    return (filter, sort, limit) =>
      this.collection
        .find(filter, { projection: { accounts: 0 } })
        .sort(sort)
        .limit(limit)
        .toArray();
  }
}
