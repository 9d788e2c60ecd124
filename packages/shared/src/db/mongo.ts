import mongoose, { type Connection } from 'mongoose';

export interface MongoOptions {
  url: string;
  dbName: string;
  appName: string;
  // Fail fast on the first connect; the driver reconnects by itself afterwards.
  serverSelectionTimeoutMs?: number;
  // How long one request may wait for the server's answer; see SOCKET_TIMEOUT_MS.
  socketTimeoutMs?: number;
}

// The driver waits for an answer forever by default: a server that accepts a request and never answers (FerretDB
// 1.24 with its connection pool exhausted, #18) froze a consumer silently, its batch heartbeated and held. Past
// this, the request fails as a network timeout, which the consumers treat as the server being out of reach (they
// log, pause and retry the batch). Far above any request's time in normal operation, scans of large collections
// included. A `socketTimeoutMS` in the connection string wins: raise it where one request legitimately takes longer,
// such as an index build over millions of documents on MongoDB at start-up (the driver has no per-request override).
export const SOCKET_TIMEOUT_MS = 120_000;

export async function connectMongo(options: MongoOptions): Promise<Connection> {
  const connection = mongoose.createConnection(options.url, {
    dbName: options.dbName,
    appName: options.appName,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 10_000,
    ...(/[?&]socketTimeoutMS=/i.test(options.url)
      ? {}
      : { socketTimeoutMS: options.socketTimeoutMs ?? SOCKET_TIMEOUT_MS }),
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
