import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { NativeRepository } from '@seatwise/platform/db/native-repository';

interface PendingDoc {
  // The auth-log batch that changed the groups' services.
  _id: string;
  keys: string[];
}

export interface Pending {
  ids: string[];
  keys: string[];
}

// Groups whose services an auth-log batch changed, waiting for their rollup: one document per batch, written before
// the batch is marked applied (a crash before that repeats it) and deleted once a refresh covered it. A refresh
// started after a document was read covers it; one added later stays for the next drain.
@Injectable()
export class PendingGroupsRepository extends NativeRepository<PendingDoc> {
  constructor(connection: MongoConnection) {
    super(connection, 'rollup_pending', []);
  }

  async add(batch: number, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.collection.replaceOne({ _id: String(batch) }, { keys: [...keys] }, { upsert: true });
  }

  // Every pending batch (few: they are drained after each fetch of the stream).
  async all(): Promise<Pending> {
    const docs = await this.collection.find({}).toArray();
    return { ids: docs.map((d) => d._id), keys: [...new Set(docs.flatMap((d) => d.keys))] };
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.collection.deleteMany({ _id: { $in: [...ids] } });
  }
}
