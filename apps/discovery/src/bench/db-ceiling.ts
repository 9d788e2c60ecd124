import { chunks } from '@seatwise/platform/db/chunks';
import { containsText } from '@seatwise/platform/db/regex';
import mongoose, { type mongo } from 'mongoose';

// The database server's own ceiling, measured in the same run as discovery (issue #18's dbRatio), so that what
// discovery adds is told apart from what the server costs, on FerretDB here as on MongoDB anywhere:
// - writes: the inventory discovery ended with (its services, users, usage rows and day counts), written again
//   with plain driver bulk inserts (1,000 a command) into an empty database with the same indexes. Discovery wrote
//   the same documents, plus their earlier versions, its journal and its read documents, over the whole ingest;
//   the ratio is the share of discovery's ingest time that the server needs to take its result in bulk.
// - lists: each console list as one plain driver query on the inventory collection it reads (the same filter,
//   sort and page size, no projection), against discovery's RPC answering it.
const INVENTORY = ['services', 'users', 'usage', 'auth_activity'] as const;
const PAGE = 50;

export interface RawQuery {
  query: string;
  account: string;
  run: () => Promise<unknown>;
}

// Opens `dbName` on the server; the caller closes it.
export async function openDb(mongoUrl: string, dbName: string): Promise<{ db: mongo.Db; close: () => Promise<void> }> {
  const connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
  const db = connection.db;
  if (!db) throw new Error(`no database ${dbName}`);
  return { db, close: () => connection.close() };
}

// Seconds to bulk-insert `source`'s inventory into `target` (created empty with the same indexes first, untimed).
export async function rawWriteSeconds(
  source: mongo.Db,
  target: mongo.Db,
): Promise<{ seconds: number; documents: number }> {
  const docs = new Map<string, mongo.Document[]>();
  for (const name of INVENTORY) {
    docs.set(name, await source.collection(name).find().toArray());
    await copyIndexes(source.collection(name), target.collection(name));
  }
  const start = process.hrtime.bigint();
  let documents = 0;
  for (const [name, list] of docs) {
    for (const chunk of chunks(list, 1_000)) {
      await target.collection(name).insertMany(chunk, { ordered: false });
      documents += chunk.length;
    }
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, documents };
}

async function copyIndexes(from: mongo.Collection, to: mongo.Collection): Promise<void> {
  await to.db.createCollection(to.collectionName);
  const specs = await from.indexes();
  for (const { key, name, unique, sparse, partialFilterExpression } of specs) {
    if (name === '_id_') continue;
    const options = {
      ...(name === undefined ? {} : { name }),
      ...(unique === undefined ? {} : { unique }),
      ...(sparse === undefined ? {} : { sparse }),
      ...(partialFilterExpression === undefined ? {} : { partialFilterExpression }),
    };
    await to.createIndex(key, options, {});
  }
}

// The per-account lists of the console as plain queries, named as the bench's RPC queries are: the service list
// in its three sorts and a search (merged services hidden, as by default), a service's users (successful ones,
// last seen first), a user's services and the users list.
export function rawListQueries(
  db: mongo.Db,
  label: string,
  ids: { accountId: string; serviceId: string; userId: string; search: string },
): RawQuery[] {
  const { accountId, serviceId, userId, search } = ids;
  const services = db.collection('services');
  const usage = db.collection('usage');
  const visible = { accountId, mergedInto: null };
  const page = (cursor: mongo.FindCursor): Promise<unknown> => cursor.limit(PAGE).toArray();
  const of = (query: string, run: () => Promise<unknown>): RawQuery => ({ query, account: label, run });
  return [
    of('services.list -userCount', () => page(services.find(visible).sort({ userCount: -1, _id: 1 }))),
    of('services.list name', () => page(services.find(visible).sort({ name: 1, _id: 1 }))),
    of('services.list -lastSeen', () => page(services.find(visible).sort({ lastSeen: -1, _id: 1 }))),
    of('services.search', () =>
      page(services.find({ ...visible, ...containsText('name', search) }).sort({ lastSeen: -1 })),
    ),
    of('services.users', () =>
      page(usage.find({ serviceId, successCount: { $gt: 0 } }).sort({ lastSeen: -1, _id: 1 })),
    ),
    of('users.services', () => page(usage.find({ userId, successCount: { $gt: 0 } }).sort({ lastSeen: -1, _id: 1 }))),
    of('users.list', () => page(db.collection('users').find({ accountId }).sort({ lastSeen: -1, _id: 1 }))),
  ];
}
