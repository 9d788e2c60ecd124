import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { NEVER } from '../../inventory/never';
import { NO_OUTCOMES } from '../../inventory/outcome-totals';
import { JournalRepository } from './journal.repository';
import type { RedoEntry } from './redo-entry';

// The redo log on the real database: a batch's entries are stored as a few packs (FerretDB 1.x pays per document),
// read back exactly, and deleted when the batch is finished; a log an earlier version left (one document per entry)
// is still read and deleted.
const holder = { partition: 0, owner: 'spec', token: 1 };

const activity = (i: number): RedoEntry => ({
  coll: 'activity',
  doc: {
    _id: `DA${i}:2025-07-01`,
    accountId: `DA${i}`,
    day: '2025-07-01',
    total: i,
    success: i,
    denied: 0,
    fraud: 0,
    other: 0,
    lastBatch: 7,
  },
});

const user = (i: number): RedoEntry => ({
  coll: 'users',
  created: true,
  doc: {
    _id: `DA1:DU${i}`,
    accountId: 'DA1',
    userKey: `DU${i}`,
    username: `user${i}@example.org`,
    ...NO_OUTCOMES,
    profileAt: NEVER,
    removedAt: null,
    firstSeen: new Date(Date.UTC(2025, 6, 1, 0, i)),
    lastSeen: new Date(Date.UTC(2025, 6, 2, 0, i)),
    authCount: i,
    serviceCount: 2,
    lastBatch: 7,
    firstLogBatch: 7,
  },
});

describe('JournalRepository redo log', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let journal: JournalRepository;

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'journal-spec');
    journal = new JournalRepository(connection);
    await journal.onModuleInit();
  });

  afterAll(async () => {
    await nativeDb(connection).dropDatabase();
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  const log = () => nativeDb(connection).collection<{ _id: string; batch: number }>('redo_log');

  // Mutation: storing one document per entry (the format before packs) leaves 3,000 documents and the count fails.
  it('stores a batch of thousands of entries as one pack and reads it back exactly', async () => {
    const batch = await journal.begin(new Date(), holder);
    const entries = Array.from({ length: 3_000 }, (_, i) => (i % 2 === 0 ? activity(i) : user(i)));
    await journal.saveRedo(batch, entries);
    expect(await log().countDocuments({ batch })).toBe(1);
    expect(await journal.unfinished()).toContainEqual(expect.objectContaining({ batch, state: 'redo' }));
    const back = await journal.redoOf(batch);
    expect(back).toEqual(entries);

    // A save repeated (one cut short before it marked the batch) replaces the packs, not adds to them.
    await journal.saveRedo(batch, entries.slice(0, 10));
    expect(await journal.redoOf(batch)).toEqual(entries.slice(0, 10));

    await journal.finish(batch);
    expect(await log().countDocuments({ batch })).toBe(0);
    expect(await journal.unfinished()).not.toContainEqual(expect.objectContaining({ batch }));
  });

  it("finishes a batch from an earlier version's log of one document per entry", async () => {
    const batch = await journal.begin(new Date(), holder);
    const entries = [activity(1), user(2)];
    await log().insertMany(entries.map((e) => ({ ...e, _id: `${batch}:${e.coll}:${e.doc._id}`, batch })));
    await nativeDb(connection)
      .collection<{ _id: number }>('batches')
      .updateOne({ _id: batch }, { $set: { state: 'redo' } });
    expect(await journal.redoOf(batch)).toEqual(entries);
    await journal.finish(batch);
    expect(await log().countDocuments({ batch })).toBe(0);
  });
});
