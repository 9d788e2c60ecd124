import type { OnModuleInit } from '@nestjs/common';
import type { mongo } from 'mongoose';
import type { MongoConnection } from './mongo-connection';
import { ensureIndexes, nativeDb } from './native-db';

// A repository on the driver's collection (no mongoose casting or hydration), for collections written
// in large bulk batches. Indexes are created at start, one per command (see ensureIndexes). The
// collection stays inside the repository.
export abstract class NativeRepository<D extends mongo.Document> implements OnModuleInit {
  protected readonly collection: mongo.Collection<D>;

  protected constructor(
    connection: MongoConnection,
    name: string,
    private readonly indexes: readonly Record<string, 1 | -1>[],
  ) {
    this.collection = nativeDb(connection).collection<D>(name);
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.collection, this.indexes);
  }
}
