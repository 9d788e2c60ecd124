import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { z } from 'zod';
import { type PackedDoc, PackedByAccountRepository } from './packed-by-account.repository';

// An account past the most entries kept for it is marked overflowed: its entries are dropped (a document stays
// under 16 MB) and readers are told none are kept, so they read the documents themselves. Entries of another format
// (another version's) are read as absent until a whole put (a start's) replaces them.
const counted = z.object({ n: z.number() });

class AtMostTwo extends PackedByAccountRepository<z.infer<typeof counted>> {
  constructor(connection: MongoConnection) {
    super(connection, 'packed_spec', 'packed-spec/2', counted, 2);
  }
}

describe('PackedByAccountRepository', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let packed: AtMostTwo;

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'packed-by-account-spec');
    packed = new AtMostTwo(connection);
  });

  afterAll(async () => {
    await nativeDb(connection).dropDatabase();
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  const entry = (accountId: string, id: string, n: number) => ({ accountId, id, entry: { n } });

  afterEach(async () => {
    await nativeDb(connection).collection('packed_spec').deleteMany({});
  });

  // Mutation: without the bound, the third put below keeps three entries and `entriesOfAccount` returns them.
  it('keeps entries up to the bound, then none for that account, and says so', async () => {
    await packed.putEntries([entry('DA1', 'DA1.a', 1), entry('DA1', 'DA1.b', 2), entry('DA2', 'DA2.a', 3)]);
    expect([...((await packed.entriesOfAccount({ accountId: 'DA1' })) ?? [])]).toEqual([
      ['DA1.a', { n: 1 }],
      ['DA1.b', { n: 2 }],
    ]);
    await packed.putEntries([entry('DA1', 'DA1.c', 3)]);
    expect(await packed.entriesOfAccount({ accountId: 'DA1' })).toBeNull();
    await packed.putEntries([entry('DA1', 'DA1.a', 9)]);
    expect(await packed.entriesOfAccount({ accountId: 'DA1' })).toBeNull();
    const all: string[] = [];
    for await (const account of packed.entriesOf({})) all.push(account.accountId);
    expect(all).toEqual(['DA2']);
  });

  it('keeps them again when a whole put is within the bound', async () => {
    await packed.putEntries([entry('DA1', 'DA1.a', 1), entry('DA1', 'DA1.b', 2), entry('DA1', 'DA1.c', 3)]);
    expect(await packed.entriesOfAccount({ accountId: 'DA1' })).toBeNull();
    await packed.putEntries([entry('DA1', 'DA1.a', 1)], true);
    expect([...((await packed.entriesOfAccount({ accountId: 'DA1' })) ?? [])]).toEqual([['DA1.a', { n: 1 }]]);
  });

  // Mutation: merging partial puts into a foreign document (or reading it) serves entries of another shape as these.
  it('reads entries of another format as absent, leaves them to partial puts and replaces them on a whole one', async () => {
    await nativeDb(connection)
      .collection<PackedDoc>('packed_spec')
      .insertOne({ _id: 'DA1', version: 4, format: 'packed-spec/1', packed: '{"DA1.a":{"count":1}}' });
    expect(await packed.entriesOfAccount({ accountId: 'DA1' })).toBeNull();
    await packed.putEntries([entry('DA1', 'DA1.b', 2)]);
    expect(await packed.entriesOfAccount({ accountId: 'DA1' })).toBeNull();
    await packed.putEntries([entry('DA1', 'DA1.a', 1), entry('DA1', 'DA1.b', 2)], true);
    expect([...((await packed.entriesOfAccount({ accountId: 'DA1' })) ?? [])]).toEqual([
      ['DA1.a', { n: 1 }],
      ['DA1.b', { n: 2 }],
    ]);
  });
});
