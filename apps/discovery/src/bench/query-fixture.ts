import mongoose from 'mongoose';

const DAY = 86_400_000;

// Fills a discovery database with `services` services of one account and `usage` usage rows (plus
// their users) in the shape discovery writes, for the query benchmark.
export async function fillInventory(
  mongoUrl: string,
  dbName: string,
  accountId: string,
  services: number,
  usage: number,
): Promise<void> {
  const connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
  const db = connection.db;
  if (!db) throw new Error('no database');
  const now = Date.now();
  try {
    const users = Math.max(1, Math.floor(usage / 50));
    await insertChunked(
      services,
      (i) => ({
        _id: `${accountId}.DI${String(i).padStart(18, '0')}`,
        accountId,
        applicationKey: `DI${String(i).padStart(18, '0')}`,
        name: `App ${i % 997} ${i}`,
        status: i % 5 === 0 ? 'new' : 'known',
        catalog: null,
        mergedInto: null,
        firstSeen: new Date(now - (i % 90) * DAY),
        lastSeen: new Date(now - (i % 30) * DAY),
        authCount: (i * 7) % 1000,
        successCount: 0,
        denialCount: 0,
        userCount: (i * 13) % 500,
        lastBatch: 1,
        firstBatch: 1,
      }),
      (docs) => db.collection('services').insertMany(docs, { ordered: false }),
    );
    await insertChunked(
      users,
      (i) => ({
        _id: `${accountId}.DU${i}`,
        accountId,
        userKey: `DU${i}`,
        username: `user${i}`,
        groups: [],
        profileAt: new Date(0),
        firstSeen: new Date(now - 60 * DAY),
        lastSeen: new Date(now - (i % 20) * DAY),
        authCount: 100,
        serviceCount: 50,
        lastBatch: 1,
        firstLogBatch: 1,
      }),
      (docs) => db.collection('users').insertMany(docs, { ordered: false }),
    );
    await insertChunked(
      usage,
      (i) => {
        // Row i: service i % services and, per service, distinct users spread over all of them (each
        // service has usage / services users, each user about usage / users services).
        const service = `${accountId}.DI${String(i % services).padStart(18, '0')}`;
        const user = `DU${((i % services) + Math.floor(i / services) * 997) % users}`;
        return {
          _id: `${service}.${user}`,
          accountId,
          serviceId: service,
          userId: `${accountId}.${user}`,
          applicationKey: service.slice(accountId.length + 1),
          userKey: user,
          firstSeen: new Date(now - 60 * DAY),
          lastSeen: new Date(now - (i % 45) * DAY),
          count: 1 + (i % 9),
          lastBatch: 1,
          firstBatch: 1,
        };
      },
      (docs) => db.collection('usage').insertMany(docs, { ordered: false }),
    );
  } finally {
    await connection.close();
  }
}

async function insertChunked(
  count: number,
  make: (i: number) => object,
  insert: (docs: object[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < count; i += 5_000) {
    await insert(Array.from({ length: Math.min(5_000, count - i) }, (_, j) => make(i + j)));
  }
}
