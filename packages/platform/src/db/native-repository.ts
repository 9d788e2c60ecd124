import type { OnModuleInit } from '@nestjs/common';
import type { mongo } from 'mongoose';
import { fillAbsent } from './fill-absent';
import type { MongoConnection } from './mongo-connection';
import { ensureIndexes, nativeDb } from './native-db';

// A repository on the driver's collection (no mongoose casting or hydration), for collections written
// in large bulk batches. Indexes are created at start, one per command (see ensureIndexes). The
// collection stays inside the repository. Reads fill absent fields from `defaults` when the collection
// declares them (see fillAbsent); without, documents are returned as read, uncopied (hot paths).
export abstract class NativeRepository<D extends mongo.Document> implements OnModuleInit {
  protected readonly collection: mongo.Collection<D>;

  protected constructor(
    connection: MongoConnection,
    name: string,
    private readonly indexes: readonly Record<string, 1 | -1>[],
    private readonly defaults?: Partial<D>,
  ) {
    this.collection = nativeDb(connection).collection<D>(name);
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.collection, this.indexes);
  }

  protected filled(doc: D): D {
    return this.defaults ? fillAbsent(this.defaults, doc) : doc;
  }
}
