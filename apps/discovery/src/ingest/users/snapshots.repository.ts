import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { NativeRepository } from '@seatwise/platform/db/native-repository';
import type { Scope } from '../../inventory/ids';

interface SnapshotStateDoc {
  _id: string;
  startedAt: Date;
  snapshotId: string;
}

// The latest complete users snapshot applied per account, so a redelivered older end marker cannot
// mark the users of a newer snapshot as removed.
@Injectable()
export class SnapshotsRepository extends NativeRepository<SnapshotStateDoc> {
  constructor(connection: MongoConnection) {
    // Read by _id (the account) alone.
    super(connection, 'user_snapshots', []);
  }

  async isStale(scope: Scope, startedAt: Date): Promise<boolean> {
    const doc = await this.collection.findOne({ _id: scope.accountId });
    return doc !== null && doc.startedAt > startedAt;
  }

  // Per account of `scopes`, the id of its latest complete snapshot (accounts without one are left out).
  async completedOf(scopes: readonly Scope[]): Promise<Map<string, string>> {
    if (scopes.length === 0) return new Map();
    const docs = await this.collection.find({ _id: { $in: scopes.map((s) => s.accountId) } }).toArray();
    return new Map(docs.map((doc) => [doc._id, doc.snapshotId]));
  }

  async recordComplete(scope: Scope, snapshotId: string, startedAt: Date): Promise<void> {
    await this.collection.updateOne(
      { _id: scope.accountId, startedAt: { $lte: startedAt } },
      { $set: { startedAt, snapshotId } },
    );
    await this.collection.updateOne(
      { _id: scope.accountId },
      { $setOnInsert: { startedAt, snapshotId } },
      { upsert: true },
    );
  }
}
