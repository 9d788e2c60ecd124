import { chunks } from '@seatwise/platform/db/chunks';
import type { mongo } from 'mongoose';
import type { WriteMode } from './inventory-writes';

// A batch's documents are read with one `_id $in` find per chunk and written one of two ways (see
// InventoryWrites): replaced in place by _id (each document atomically), or, for FerretDB 1.24, whose
// sqlite handler runs every update or replace statement as a scan of its collection (measured: 12 ms
// per update by _id on 1,500 usage rows, 150 ms on 50,000) and stops answering an update command of
// about 100 statements, deleted and inserted again: one pass each.
const CHUNK = 1_000;

export async function loadByIds<D extends { _id: string }>(
  collection: mongo.Collection<D>,
  ids: readonly string[],
): Promise<Map<string, D>> {
  const docs = new Map<string, D>();
  for (const chunk of chunks(ids, CHUNK)) {
    const filter = { _id: { $in: chunk } } as mongo.Filter<D>;
    for (const doc of await collection.find(filter).toArray()) docs.set(doc._id, doc as D);
  }
  return docs;
}

// Each document replaced atomically (or inserted); a crash leaves every document old or new.
async function replaceInPlace<D extends { _id: string }>(
  collection: mongo.Collection<D>,
  docs: readonly D[],
): Promise<void> {
  for (const chunk of chunks(docs, CHUNK)) {
    const ops = chunk.map((doc) => ({
      replaceOne: { filter: { _id: doc._id } as mongo.Filter<D>, replacement: doc as mongo.WithoutId<D>, upsert: true },
    }));
    await collection.bulkWrite(ops, { ordered: false });
  }
}

// Idempotent: replaying it after a crash anywhere inside leaves exactly `docs`. Between its delete
// and insert the documents are missing, so the batch's redo log must be complete before it starts.
async function rewriteDocs<D extends { _id: string }>(
  collection: mongo.Collection<D>,
  docs: readonly D[],
): Promise<void> {
  for (const chunk of chunks(docs, CHUNK)) {
    await collection.deleteMany({ _id: { $in: chunk.map((d) => d._id) } } as mongo.Filter<D>);
    await collection.insertMany(chunk as mongo.OptionalUnlessRequiredId<D>[], { ordered: false });
  }
}

// Per-statement updates by _id, in commands FerretDB answers (see above); for the few small writes
// that are not per batch (users snapshot profiles).
export async function bulkWriteInChunks<D extends mongo.Document>(
  collection: mongo.Collection<D>,
  ops: readonly mongo.AnyBulkWriteOperation<D>[],
): Promise<void> {
  for (const chunk of chunks(ops, 50)) await collection.bulkWrite(chunk, { ordered: true });
}

export function saveDocs<D extends { _id: string }>(
  collection: mongo.Collection<D>,
  docs: readonly D[],
  mode: WriteMode,
): Promise<void> {
  return mode === 'replace' ? replaceInPlace(collection, docs) : rewriteDocs(collection, docs);
}
