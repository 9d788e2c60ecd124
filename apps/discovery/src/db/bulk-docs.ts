import type { mongo } from 'mongoose';

// FerretDB 1.24 (sqlite) runs every update statement as a scan of its collection (measured: 12 ms per
// update by _id on 1,500 usage rows, growing with the collection) and stops answering an update
// command of about 100 statements, while bulk finds, deletes and inserts cost one pass. So the
// inventories are read and rewritten whole per batch: one `_id $in` find, one delete, one insert.
const CHUNK = 1_000;

export async function loadByIds<D extends { _id: string }>(collection: mongo.Collection<D>, ids: readonly string[]): Promise<Map<string, D>> {
  const docs = new Map<string, D>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const filter = { _id: { $in: ids.slice(i, i + CHUNK) } } as mongo.Filter<D>;
    for (const doc of await collection.find(filter).toArray()) docs.set(doc._id, doc as D);
  }
  return docs;
}

// Idempotent: replaying it after a crash anywhere inside leaves exactly `docs`.
export async function replaceDocs<D extends { _id: string }>(collection: mongo.Collection<D>, docs: readonly D[]): Promise<void> {
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs.slice(i, i + CHUNK);
    await collection.deleteMany({ _id: { $in: chunk.map((d) => d._id) } } as mongo.Filter<D>);
    await collection.insertMany(chunk as mongo.OptionalUnlessRequiredId<D>[], { ordered: false });
  }
}

// Per-statement updates by _id, in commands FerretDB answers (see above); for the few small writes
// that are not per batch (users snapshot profiles).
export async function bulkWriteInChunks<D extends mongo.Document>(collection: mongo.Collection<D>, ops: readonly mongo.AnyBulkWriteOperation<D>[]): Promise<void> {
  for (let i = 0; i < ops.length; i += 50) await collection.bulkWrite(ops.slice(i, i + 50), { ordered: true });
}
