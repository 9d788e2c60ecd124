import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import type { PackedDoc } from './packed-by-account.repository';
import { type FigureSource, ServiceFiguresRepository } from './service-figures.repository';

// A service of `accountId` as its figures see it: new, unmatched, used once.
const service = (key: string, accountId: string, fields: Partial<FigureSource> = {}): FigureSource => ({
  _id: `${accountId}.${key}`,
  accountId,
  status: 'new',
  catalog: null,
  firstSeen: new Date(1_000),
  lastSeen: new Date(2_000),
  authCount: 1,
  ...fields,
});

// Each account's service figures (what the account summary reads, #19) are one packed document, merged under a
// compare-and-set on its version.
class RacedFigures extends ServiceFiguresRepository {
  // Another writer's put lands between this writer's read and its write.
  other: (() => Promise<void>) | null = null;

  protected override async stored(accountIds: string[]): Promise<Map<string, PackedDoc>> {
    const stale = await super.stored(accountIds);
    const other = this.other;
    this.other = null;
    if (other) await other();
    return stale;
  }
}

describe('ServiceFiguresRepository', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let figures: RacedFigures;

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'service-figures-spec');
    figures = new RacedFigures(connection);
  });

  afterEach(async () => {
    await nativeDb(connection).collection('service_figures').deleteMany({});
  });

  afterAll(async () => {
    await nativeDb(connection).dropDatabase();
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  async function read(): Promise<Record<string, string[]>> {
    const all: Record<string, string[]> = {};
    for await (const account of figures.of({})) {
      all[account.accountId] = account.figures.map((f) => `${f.status}/${f.matched}/${f.authCount}`).sort();
    }
    return all;
  }

  async function version(accountId: string): Promise<number | undefined> {
    const doc = await nativeDb(connection).collection<PackedDoc>('service_figures').findOne({ _id: accountId });
    return doc?.version;
  }

  it('keeps one set of figures per account, a service written again replacing its own', async () => {
    await figures.put([service('a', 'DA1'), service('b', 'DA1'), service('c', 'DA2')]);
    await figures.put([service('a', 'DA1', { status: 'ignored', authCount: 5 })]);
    expect(await read()).toEqual({ DA1: ['ignored/false/5', 'new/false/1'], DA2: ['new/false/1'] });
    const [one] = await collect(figures.of({ accountId: 'DA2' }));
    expect(one?.figures).toEqual([
      { status: 'new', matched: false, firstSeen: new Date(1_000), lastSeen: new Date(2_000), authCount: 1 },
    ]);
  });

  it('writes nothing when the figures are as stored', async () => {
    await figures.put([service('a', 'DA1')]);
    await figures.put([service('a', 'DA1')]);
    expect(await version('DA1')).toBe(1);
  });

  // Mutation: writing the merged figures unconditionally (no version in the update's filter) loses DA1.b.
  it('merges again when another writer changed the account between its read and its write', async () => {
    await figures.put([service('a', 'DA1')]);
    figures.other = () => new ServiceFiguresRepository(connection).put([service('b', 'DA1', { authCount: 7 })]);
    await figures.put([service('a', 'DA1', { authCount: 2 })]);
    expect(await read()).toEqual({ DA1: ['new/false/2', 'new/false/7'] });
    expect(await version('DA1')).toBe(3);
  });

  // Mutation: inserting the first figures without handling the duplicate key fails the put.
  it('merges into figures another writer created first', async () => {
    figures.other = () => new ServiceFiguresRepository(connection).put([service('b', 'DA1')]);
    await figures.put([service('a', 'DA1')]);
    expect(await read()).toEqual({ DA1: ['new/false/1', 'new/false/1'] });
  });

  it('says which account holds malformed figures', async () => {
    await nativeDb(connection)
      .collection<PackedDoc>('service_figures')
      .insertOne({ _id: 'DA9', version: 1, format: 'service-figures/1', packed: '{"DA9.x":{"status":"gone"}}' });
    await expect(collect(figures.of({ accountId: 'DA9' }))).rejects.toThrow(
      /service_figures of account DA9 are malformed at DA9.x/,
    );
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
