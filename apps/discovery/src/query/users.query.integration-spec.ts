import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import { envSchema } from '@seatwise/shared/config/discovery-env';
import { USER_SORTS } from '@seatwise/shared/contracts/discovery-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { AccountMembersRepository } from '../inventory/account-members.repository';
import { FlagRules } from '../inventory/flag-rules';
import { type Scope, userIdOf } from '../inventory/ids';
import { NEVER } from '../inventory/never';
import { NO_OUTCOMES } from '../inventory/outcome-totals';
import { ServerTraits } from '../inventory/server-traits';
import { ServiceFiguresRepository } from '../inventory/service-figures.repository';
import { ServicesRepository } from '../inventory/services.repository';
import { UsageRepository } from '../inventory/usage.repository';
import { type UserRow, UserRowsRepository } from '../inventory/user-rows.repository';
import { type ProfileUpdate, type UserDoc, UsersRepository } from '../inventory/users.repository';
import { UsersQuery } from './users.query';

// On FerretDB 1.x the users list filters and sorts each account's packed rows in memory (#19); it must list exactly
// what the same request asks of the server on the users themselves, page by page, cursor by cursor. Mutation: the
// rows' filter ignoring `removed` (or the rows missing markRemoved's writes) fails the removed requests below.
const day = (n: number): Date => new Date(Date.UTC(2026, 10, n));
const names = ['alice', 'Alicia', 'bob', 'carol', 'dave', 'Eve', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory'];

// Users seen in the logs: repeated days and counts make ties that only the id breaks.
const fromLogs = (accountId: string, i: number): UserDoc => ({
  _id: userIdOf(accountId, `u${i}`),
  accountId,
  userKey: `u${i}`,
  username: names[i % names.length] ?? 'x',
  profileAt: NEVER,
  firstSeen: day(1),
  lastSeen: day(1 + (i % 4)),
  authCount: i % 5,
  ...NO_OUTCOMES,
  lastSuccess: i % 3 === 0 ? NEVER : day(2 + (i % 3)),
  serviceCount: i % 3,
  lastBatch: 1,
  firstLogBatch: 1,
});

const profile = (accountId: string, i: number, snapshotId: string): ProfileUpdate => ({
  id: userIdOf(accountId, `u${i}`),
  accountId,
  userKey: `u${i}`,
  observedAt: day(6),
  profile: {
    username: names[i % names.length] ?? 'x',
    realName: i % 2 === 0 ? `Real ${names[(i + 3) % names.length] ?? ''}` : null,
    email: i % 4 === 0 ? `user${i}@example.com` : null,
    status: i % 5 === 0 ? 'disabled' : 'active',
    enrolled: i % 3 !== 1,
    lastLogin: null,
    groups: [],
    snapshotId,
  },
});

class NoRows extends UserRowsRepository {
  override rows(): Promise<Map<string, UserRow> | null> {
    return Promise.resolve(null);
  }
}

type ListRequest = RpcInput<'discovery.users.list'>;

describe('UsersQuery.list from packed rows', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let server: ServerTraits;
  let rows: UserRowsRepository;
  let fromRows: UsersQuery;
  let fromUsers: UsersQuery;
  const account: Scope = { accountId: 'DA1' };

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'users-query-spec');
    server = new ServerTraits(connection);
    const members = new AccountMembersRepository(connection, server);
    rows = new UserRowsRepository(connection, server);
    const users = new UsersRepository(connection, members, rows);
    const usage = new UsageRepository(connection, members);
    const services = new ServicesRepository(connection, members, new ServiceFiguresRepository(connection));
    const env = envSchema.parse({ NATS_URL: 'nats://127.0.0.1:4222', MONGO_URL: scope.mongoUrl });
    const flags = new FlagRules(env);
    fromRows = new UsersQuery(users, usage, services, flags, rows);
    fromUsers = new UsersQuery(users, usage, services, flags, new NoRows(connection, server));
    // 30 users of DA1 from the logs and 5 of DA2; a snapshot profiles 24 of DA1 and two more never seen in the logs;
    // a second complete snapshot of 20 of them marks the others removed.
    const logged = Array.from({ length: 30 }, (_, i) => fromLogs('DA1', i));
    await users.save([...logged, ...Array.from({ length: 5 }, (_, i) => fromLogs('DA2', i))], 'replace');
    await users.applyProfiles([...Array.from({ length: 24 }, (_, i) => profile('DA1', i, 'snap-1'))]);
    await users.applyProfiles([profile('DA1', 40, 'snap-1'), profile('DA1', 41, 'snap-1')]);
    await users.applyProfiles(Array.from({ length: 20 }, (_, i) => profile('DA1', i, 'snap-2')));
    await users.markRemoved(account, 'snap-2', day(6), day(7));
  });

  afterAll(async () => {
    await nativeDb(connection).dropDatabase();
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  async function everyPage(query: UsersQuery, request: Omit<ListRequest, 'limit'>): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await query.list({ ...request, limit: 4, ...(cursor === undefined ? {} : { cursor }) });
      pages.push(page.items.map((user) => `${user.id} ${user.username} ${user.removed ? 'removed' : ''}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return pages;
  }

  it('keeps rows where the server is FerretDB 1.x, one per user of the account', async () => {
    const kept = await rows.rows(account);
    expect(kept !== null).toBe(await server.isFerretdb1());
    if (kept) expect(kept.size).toBe(32);
  });

  const filters: Omit<ListRequest, 'limit' | 'sort' | 'accountId'>[] = [
    {},
    { q: 'ALI' },
    { q: 'example.com' },
    { q: 'real c' },
    { status: 'disabled' },
    { removed: true },
    { removed: false, enrolled: true },
    { enrolled: false },
    { lastSeenAfter: day(3).toISOString() },
    { lastSeenBefore: day(3).toISOString(), lastSuccessAfter: day(3).toISOString() },
    { lastSuccessBefore: day(3).toISOString() },
  ];

  it.each(USER_SORTS.flatMap((sort) => filters.map((filter) => [sort, filter] as const)))(
    'sort %s, filter %j: the same pages as the server',
    async (sort, filter) => {
      const request = { accountId: 'DA1', sort, ...filter };
      const expected = await everyPage(fromUsers, request);
      expect(await everyPage(fromRows, request)).toEqual(expected);
      expect(expected.flat().length).toBeGreaterThan(0);
    },
  );

  it('pages on with a cursor the other issued', async () => {
    const first = await fromUsers.list({ accountId: 'DA1', sort: '-lastSeen', limit: 5 });
    const cursor = first.nextCursor ?? undefined;
    expect(cursor).toBeDefined();
    const next = { accountId: 'DA1', sort: '-lastSeen' as const, limit: 5, ...(cursor ? { cursor } : {}) };
    expect((await fromRows.list(next)).items).toEqual((await fromUsers.list(next)).items);
  });
});
