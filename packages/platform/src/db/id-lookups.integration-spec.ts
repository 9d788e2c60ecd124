import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { type mongo, Types } from 'mongoose';
import { MongoConnection } from './mongo-connection';
import { nativeDb } from './native-db';

// Lookups by `_id $in`, which every batch, page and account read makes: on FerretDB 1.24 the provisioning
// script's third patch turns them into an SQL IN over the `_id` index (they scanned the whole collection). The
// narrowing must never drop a document MongoDB would return, whatever else the filter or the list holds.
interface Doc {
  _id: string | number | Types.ObjectId;
  accountId: string;
  n: number;
}

const ids = Array.from({ length: 300 }, (_, i) => `acct${i % 7}.user${i}`);

describe('lookups by _id $in on a real server', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let docs: mongo.Collection<Doc>;
  const objectId = new Types.ObjectId();

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'id-lookups-spec');
    docs = nativeDb(connection).collection<Doc>('docs');
    await docs.insertMany([
      ...ids.map((_id, n) => ({ _id, accountId: _id.split('.')[0] ?? '', n })),
      { _id: 7, accountId: 'acct0', n: 1_000 },
      { _id: objectId, accountId: 'acct1', n: 1_001 },
      // Characters JSON escapes, so an id's stored text differs from the id.
      { _id: 'quote"back\\slash\u0001', accountId: 'acct2', n: 1_002 },
    ]);
  });

  afterAll(async () => {
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  const found = async (filter: mongo.Filter<Doc>) =>
    (await docs.find(filter).toArray()).map((d) => String(d._id)).sort();

  it('finds exactly the listed ids, with misses, repeats and ids JSON escapes', async () => {
    const wanted = [ids[3], ids[250], 'quote"back\\slash\u0001', 'missing', ids[3]] as string[];
    expect(await found({ _id: { $in: wanted } })).toEqual([ids[250], ids[3], 'quote"back\\slash\u0001'].sort());
    expect(await found({ _id: { $in: [objectId, 'missing'] } })).toEqual([String(objectId)]);
    expect(await found({ _id: { $in: [] } })).toEqual([]);
  });

  it('keeps the rest of the filter, and a list of other types stays exact', async () => {
    expect(await found({ _id: { $in: ids.slice(0, 40) }, accountId: 'acct2' })).toEqual(
      ids
        .slice(0, 40)
        .filter((id) => id.startsWith('acct2.'))
        .sort(),
    );
    expect(await found({ _id: { $in: [7, ids[5] ?? ''] } })).toEqual([ids[5], '7'].sort());
    expect(await found({ _id: { $in: [/^acct6\.user1\d$/] } })).toEqual(['acct6.user13']);
  });

  it('counts, updates and deletes the same documents', async () => {
    const some = ids.slice(100, 160);
    expect(await docs.countDocuments({ _id: { $in: some } })).toBe(60);
    const updated = await docs.updateMany({ _id: { $in: some }, n: { $lt: 130 } }, { $set: { accountId: 'moved' } });
    expect(updated.modifiedCount).toBe(30);
    expect(await found({ accountId: 'moved' })).toEqual(some.slice(0, 30).sort());
    const deleted = await docs.deleteMany({ _id: { $in: [...some, 7] } });
    expect(deleted.deletedCount).toBe(61);
    expect(await docs.countDocuments({})).toBe(ids.length + 3 - 61);
  });

  // Mutation: provision FerretDB without the third patch (PATCHES without sqlite-id-in) and this fails on it.
  it('is answered from the _id index, not by reading the collection', async () => {
    const explained = await docs.find({ _id: { $in: ids.slice(0, 5) } }).explain();
    const plan = JSON.stringify(explained);
    if ('filterPushdown' in explained) expect(explained['filterPushdown']).toBe(true);
    else expect(plan).toMatch(/IXSCAN|IDHACK|EXPRESS/);
  });
});
