import mongoose, { type Connection } from 'mongoose';

export interface MongoOptions {
  url: string;
  dbName: string;
  appName: string;
  // Fail fast on the first connect; the driver reconnects by itself afterwards.
  serverSelectionTimeoutMs?: number;
}

export async function connectMongo(options: MongoOptions): Promise<Connection> {
  const connection = mongoose.createConnection(options.url, {
    dbName: options.dbName,
    appName: options.appName,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 10_000,
    // Indexes are created explicitly by each repository at start-up (syncIndexes), not lazily.
    autoIndex: false,
    autoCreate: false,
  });
  await connection.asPromise();
  return connection;
}

// A real round trip: readyState alone stays "connected" for a while after the server dies.
export async function pingMongo(connection: Connection, timeoutMs: number): Promise<boolean> {
  const db = connection.db;
  if (connection.readyState !== mongoose.ConnectionStates.connected || !db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, timeoutMs);
  });
  const ping = db
    .command({ ping: 1 })
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
