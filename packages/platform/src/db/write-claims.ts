import { Schema } from 'mongoose';
import type { MongoConnection } from './mongo-connection';
import { MongooseRepository } from './mongoose-repository';

interface ClaimDoc {
  _id: string;
  at: Date;
}

const schema = new Schema<ClaimDoc>({ _id: String, at: Date }, { versionKey: false });
// A claim is held for one database write; one this old was left by a process that died holding it.
const STALE_MS = 60_000;

// One writer per key at a time, on every server. A conditional update (the expected value in the filter) is a
// compare-and-set on MongoDB, but FerretDB 1.24 reads and writes separately, so two concurrent writers of the same
// expected value both succeed there (seen 48 times in 50 rounds). Inserting a unique claim first is atomic on both:
// the loser backs off. Keyed by _id alone, the one filter FerretDB 1.24 answers without a scan.
export class WriteClaims extends MongooseRepository<ClaimDoc> {
  // `staleMs`: when a claim counts as left by a dead process (leases need it shorter than their term).
  constructor(
    mongo: MongoConnection,
    collection: string,
    private readonly staleMs = STALE_MS,
  ) {
    super(mongo, { model: `WriteClaim_${collection}`, collection, schema });
  }

  // false: another writer holds the key (and has not held it for longer than a write can take).
  async take(key: string, now: Date = new Date()): Promise<boolean> {
    if (await this.insertIfAbsent({ _id: key, at: now })) return true;
    const stale = await this.model.deleteOne({ _id: key, at: { $lt: new Date(now.getTime() - this.staleMs) } }).exec();
    return stale.deletedCount > 0 && (await this.insertIfAbsent({ _id: key, at: now }));
  }

  // Runs one compare-and-set under the key's claim: null when another writer holds it. The claim is released once
  // the write is done, when a late writer's conditional update can no longer match.
  async holding<T>(key: string, write: () => Promise<T>): Promise<T | null> {
    if (!(await this.take(key))) return null;
    try {
      return await write();
    } finally {
      await this.release(key);
    }
  }

  async release(key: string): Promise<void> {
    await this.model.deleteOne({ _id: key }).exec();
  }
}
