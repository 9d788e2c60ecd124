import { mongo } from 'mongoose';
import type { RedoEntry } from './redo-entry';

// A redo log stored as a few documents per batch, each holding many entries as one binary field of concatenated
// BSON documents. FerretDB 1.x spends its time per document and per field it decodes or deletes: one document per
// entry (a batch writes thousands) cost a third of a batch's time in saving and deleting the log (#19). Entries
// round-trip exactly as the driver stores them (dates stay dates; undefined fields are dropped).

// Well under the 16 MiB document limit, with room for the base64 FerretDB's SQLite handler stores binaries as.
export const PACK_BYTES = 4 * 1024 * 1024;

// Splits the entries into packs of at most `limit` bytes each (an entry larger than the limit is a pack of its own).
export function packRedo(entries: readonly RedoEntry[], limit = PACK_BYTES): Buffer[] {
  const packs: Buffer[] = [];
  let parts: Uint8Array[] = [];
  let size = 0;
  for (const entry of entries) {
    const bytes = mongo.BSON.serialize(entry);
    if (size > 0 && size + bytes.length > limit) {
      packs.push(Buffer.concat(parts));
      parts = [];
      size = 0;
    }
    parts.push(bytes);
    size += bytes.length;
  }
  if (size > 0) packs.push(Buffer.concat(parts));
  return packs;
}

export function unpackRedo(pack: Uint8Array): RedoEntry[] {
  const view = Buffer.from(pack.buffer, pack.byteOffset, pack.byteLength);
  const entries: RedoEntry[] = [];
  for (let offset = 0; offset < view.length;) {
    if (offset + 4 > view.length) throw new Error(`redo pack truncated at byte ${offset} of ${view.length}`);
    const length = view.readInt32LE(offset);
    if (length < 5 || offset + length > view.length) {
      throw new Error(`redo pack holds a document of ${length} bytes at byte ${offset} of ${view.length}`);
    }
    // The pack was written from RedoEntry values only (packRedo).
    entries.push(mongo.BSON.deserialize(view.subarray(offset, offset + length)) as RedoEntry);
    offset += length;
  }
  return entries;
}
