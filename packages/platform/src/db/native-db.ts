import type { mongo } from 'mongoose';
import type { MongoConnection } from './mongo-connection';

// The driver's database behind the platform's connection, for repositories that write with raw bulk
// operations (no mongoose casting or document hydration) on paths that run per batch on large volumes.
export function nativeDb(connection: MongoConnection): mongo.Db {
  const db = connection.connection.db;
  if (!db) throw new Error('MongoDB connection is not open');
  return db;
}

// Creates the indexes (idempotent), one per command: FerretDB 1.24 panics ("slice bounds out of
// range") on a createIndexes command listing several indexes when some of them exist already.
export async function ensureIndexes<D extends mongo.Document>(
  collection: mongo.Collection<D>,
  keys: readonly Record<string, 1 | -1>[],
): Promise<void> {
  for (const key of keys) await collection.createIndexes([{ key }]);
}
