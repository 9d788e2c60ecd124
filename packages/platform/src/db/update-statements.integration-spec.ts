import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { answeredWithin } from '@seatwise/testing/wait';
import type { mongo } from 'mongoose';
import { MongoConnection } from './mongo-connection';
import { nativeDb } from './native-db';

// One update command of many statements, as every bulk save sends (users, usage states, group rollups). FerretDB
// 1.24 kept each statement's read of its matched document open until the whole command returned, each holding one
// of the database's 100 SQLite connections: a command of 100 matching statements, or a few smaller ones at once
// (two discovery replicas, #18), waited for a connection that never came back, and every later operation on that
// database hung behind it. The provisioning script's fourth patch closes each statement's read when it is done.
interface Doc {
  _id: string;
  n: number;
}

const ids = Array.from({ length: 300 }, (_, i) => `acct${i % 5}.user${i}`);
// A hang is the failure this spec looks for: reported as such, well before the spec's own timeout.
const ANSWER_DEADLINE_MS = 60_000;

describe('update commands of many statements on a real server', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let docs: mongo.Collection<Doc>;

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'update-statements-spec');
    docs = nativeDb(connection).collection<Doc>('docs');
    await docs.insertMany(ids.map((_id, n) => ({ _id, n })));
  });

  afterAll(async () => {
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  // Mutation: provision FerretDB without the fourth patch (PATCHES without sqlite-update-close) and this hangs
  // (the deadline below reports it).
  it('applies 300 matching statements in one command, then answers the next operations', async () => {
    const updated = await answered(
      docs.bulkWrite(
        ids.map((_id, n) => ({ updateOne: { filter: { _id }, update: { $set: { n: n + 1_000 } } } })),
        { ordered: true },
      ),
    );
    expect(updated.modifiedCount).toBe(ids.length);
    const replaced = await answered(
      docs.bulkWrite(
        ids.map((_id, n) => ({ replaceOne: { filter: { _id }, replacement: { n: n + 2_000 }, upsert: true } })),
      ),
    );
    expect(replaced.modifiedCount).toBe(ids.length);
    expect(await answered(docs.findOne({ _id: ids[299] ?? '' }))).toEqual({ _id: ids[299], n: 2_299 });
    expect(await answered(docs.countDocuments({ n: { $gte: 2_000 } }))).toBe(ids.length);
  });
});

function answered<T>(operation: Promise<T>): Promise<T> {
  return answeredWithin(operation, ANSWER_DEADLINE_MS, 'the server (its connection pool exhausted?)');
}
