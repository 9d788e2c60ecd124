import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import type { mongo } from 'mongoose';
import type { Scope } from '../../inventory/ids';

interface SnapshotStateDoc {
  _id: string;
  startedAt: Date;
  snapshotId: string;
}

// The latest complete users snapshot applied per account, so a redelivered older end marker cannot
// mark the users of a newer snapshot as removed.
@Injectable()
export class SnapshotsRepository {
  private readonly collection: mongo.Collection<SnapshotStateDoc>;

  constructor(connection: MongoConnection) {
    this.collection = nativeDb(connection).collection('user_snapshots');
  }

  async isStale(scope: Scope, startedAt: Date): Promise<boolean> {
    const doc = await this.collection.findOne({ _id: scope.accountId });
    return doc !== null && doc.startedAt > startedAt;
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
