import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { AccountStateRepository } from './account-state.repository';

const key = { integrationId: 'int1', accountId: 'DA1' };
const seen = { name: 'Acme', apiHostname: 'api-x.duosecurity.com', child: true };

// Two pollers of one account, each with its own connection, over one database: the auth-log cursor moves only
// from the value a poller read, so the one that read it first and writes last cannot move it back (mutation: an
// unconditional $set leaves the older replica's cursor behind the newer one).
describe('the auth-log cursor across replicas', () => {
  let scope: TestScope;
  const connections: MongoConnection[] = [];
  let a: AccountStateRepository;
  let b: AccountStateRepository;

  beforeAll(async () => {
    scope = createTestScope();
    for (const name of ['poller-a', 'poller-b']) {
      connections.push(await MongoConnection.open(scope.mongoUrl, scope.dbName, name));
    }
    [a, b] = connections.map((c) => new AccountStateRepository(c)) as [AccountStateRepository, AccountStateRepository];
    await a.onModuleInit();
    await a.upsertSeen(key, seen, 0);
  });

  afterAll(async () => {
    for (const c of connections) await c.onApplicationShutdown();
    await scope.cleanup();
  });

  it('moves only from the cursor a poller read, never back', async () => {
    const first: [string, string] = ['1000', 'tx1'];
    const second: [string, string] = ['2000', 'tx2'];
    // Both read the start (null); b writes first.
    expect(await b.advanceLogCursor(key, null, second, 1)).toBe(true);
    expect(await a.advanceLogCursor(key, null, first, 1)).toBe(false);
    expect((await a.get(key))?.logCursor).toEqual(second);
    // From what it reads now, a moves on.
    const third: [string, string] = ['3000', 'tx3'];
    expect(await a.advanceLogCursor(key, second, third, 1)).toBe(true);
    expect(await b.advanceLogCursor(key, second, ['2500', 'tx2b'], 1)).toBe(false);
    expect((await b.get(key))?.logCursor).toEqual(third);
  });

  it('lets exactly one of many concurrent pollers move the cursor from where they all read it (mutation: the conditional update alone lets several through on FerretDB)', async () => {
    const from = (await a.get(key))?.logCursor ?? null;
    const attempts = Array.from({ length: 16 }, (_, i) =>
      (i % 2 === 0 ? a : b).advanceLogCursor(key, from, [String(4000 + i), `tx-c${i}`], 1),
    );
    const moved = (await Promise.all(attempts)).filter((m) => m === true);
    expect(moved).toHaveLength(1);
  });

  it("refuses a poller whose lease token is older than the last writer's, whatever cursor it read (mutation: without the logFence condition the stale holder moves it)", async () => {
    const read = (await a.get(key))?.logCursor ?? null;
    const newer: [string, string] = ['9000', 'tx-new'];
    // The account changed hands: the new holder (token 2) moves the cursor first.
    expect(await b.advanceLogCursor(key, read, newer, 2)).toBe(true);
    // The old holder (token 1), stalled past its lease, read the new cursor and tries to move it.
    expect(await a.advanceLogCursor(key, newer, ['9500', 'tx-stale'], 1)).toBe(false);
    expect((await a.get(key))?.logCursor).toEqual(newer);
    // The holder of the lease, or of a later one, goes on.
    expect(await b.advanceLogCursor(key, newer, ['9600', 'tx-b'], 2)).toBe(true);
    expect(await a.advanceLogCursor(key, ['9600', 'tx-b'], ['9700', 'tx-a3'], 3)).toBe(true);
  });

  it("keeps the seats a users snapshot writes while the same replica moves the cursor (mutation: a cursor advance outside the account's write serializer loses the seats on FerretDB)", async () => {
    // FerretDB 1.24 rewrites the whole document on an update, so two concurrent updates of different fields of
    // one account can lose one; the stack e2e saw an account's seats stay null. One replica's writes to an account
    // go one at a time.
    let cursor = (await a.get(key))?.logCursor ?? null;
    for (let round = 0; round < 20; round++) {
      const next: [string, string] = [String(20_000 + round), `tx-s${round}`];
      const [moved] = await Promise.all([
        a.advanceLogCursor(key, cursor, next, 3),
        a.update(key, { seats: round, edition: 'ENTERPRISE' }),
      ]);
      expect(moved).toBe(true);
      cursor = next;
      expect(await a.get(key)).toMatchObject({ logCursor: next, seats: round });
    }
  });
});
