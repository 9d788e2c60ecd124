import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { AccountMembersRepository } from './account-members.repository';
import { userIdOf } from './ids';
import { NEVER } from './never';
import { NO_OUTCOMES } from './outcome-totals';
import { ServerTraits } from './server-traits';
import { UserRowsRepository } from './user-rows.repository';
import { type ProfileUpdate, type UserDoc, UsersRepository } from './users.repository';

// An account's users are read through its list of ids on FerretDB 1.x (#19: it scans every account's users for a
// filter on accountId). Every way a user is first written lists it, and a start lists users written without one.
const observedAt = new Date('2026-11-01T00:00:00Z');

const profile = (accountId: string, userKey: string, snapshotId = 'snap-1'): ProfileUpdate => ({
  id: userIdOf(accountId, userKey),
  accountId,
  userKey,
  observedAt,
  profile: {
    username: userKey,
    realName: null,
    email: null,
    status: 'active',
    enrolled: true,
    lastLogin: null,
    groups: [],
    snapshotId,
  },
});

const fromLogs = (accountId: string, userKey: string): UserDoc => ({
  _id: userIdOf(accountId, userKey),
  accountId,
  userKey,
  username: userKey,
  profileAt: NEVER,
  firstSeen: observedAt,
  lastSeen: observedAt,
  authCount: 1,
  ...NO_OUTCOMES,
  serviceCount: 0,
  lastBatch: 1,
  firstLogBatch: 1,
});

describe('users read per account through the account lists', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let users: UsersRepository;

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'users-by-account-spec');
  });

  beforeEach(async () => {
    await nativeDb(connection).dropDatabase();
    users = await started();
  });

  afterAll(async () => {
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  async function started(): Promise<UsersRepository> {
    const server = new ServerTraits(connection);
    const repository = new UsersRepository(
      connection,
      new AccountMembersRepository(connection, server),
      new UserRowsRepository(connection, server),
    );
    await repository.onModuleInit();
    return repository;
  }

  const keysOf = async (accountIds: string[]) => {
    const keys: string[] = [];
    for await (const user of users.ofAccounts(accountIds.map((accountId) => ({ accountId })))) keys.push(user._id);
    return keys.sort();
  };

  it('reads the users of the accounts asked, written by snapshots and by auth-log batches in either mode', async () => {
    await users.applyProfiles([profile('acct-a', 'ann'), profile('acct-b', 'bob'), profile('acct-a', 'amy')]);
    await users.save([fromLogs('acct-a', 'al'), fromLogs('acct-c', 'cy')], 'replace');
    await users.save([fromLogs('acct-b', 'bo'), fromLogs('acct-a', 'al')], 'rewrite');

    expect(await keysOf(['acct-a'])).toEqual(['acct-a.al', 'acct-a.amy', 'acct-a.ann']);
    expect(await keysOf(['acct-b', 'acct-c'])).toEqual(['acct-b.bo', 'acct-b.bob', 'acct-c.cy']);
    expect(await keysOf(['acct-none'])).toEqual([]);
  });

  it('marks removed exactly the users of the account a complete snapshot did not hold', async () => {
    await users.applyProfiles([profile('acct-a', 'ann'), profile('acct-a', 'amy'), profile('acct-b', 'bob')]);
    await users.applyProfiles([
      { ...profile('acct-a', 'ann', 'snap-2'), observedAt: new Date('2026-11-02T00:00:00Z') },
    ]);

    expect(await users.markRemoved({ accountId: 'acct-a' }, 'snap-2', observedAt, observedAt)).toBe(1);
    const removed = [];
    for await (const user of users.ofAccounts([{ accountId: 'acct-a' }, { accountId: 'acct-b' }])) {
      if (user.removedAt) removed.push(user._id);
    }
    expect(removed).toEqual(['acct-a.amy']);
  });

  // The rows as kept, and as a start rebuilds them from the users as stored (onModuleInit puts them whole).
  const rows = async () => {
    const kept = await new UserRowsRepository(connection, new ServerTraits(connection)).rowsOf([
      { accountId: 'acct-a' },
    ]);
    return [...(kept.get('acct-a') ?? new Map<string, unknown>())].sort(([a], [b]) => a.localeCompare(b));
  };

  // Mutation: rows put from the documents as read before the profiles (not as written) differ from the rebuilt ones.
  it('inserts new users whole, updates known ones, and keeps their rows equal to the stored users', async () => {
    await users.save([fromLogs('acct-a', 'al')], 'rewrite');
    await users.applyProfiles([profile('acct-a', 'ann'), profile('acct-a', 'al'), profile('acct-a', 'amy')]);
    const stored = await nativeDb(connection).collection<UserDoc>('users').find({}).sort({ _id: 1 }).toArray();
    expect(stored.find((u) => u._id === 'acct-a.ann')).toEqual({
      _id: 'acct-a.ann',
      accountId: 'acct-a',
      userKey: 'ann',
      ...profile('acct-a', 'ann').profile,
      profileAt: observedAt,
      removedAt: null,
      lastSeen: NEVER,
      authCount: 0,
      serviceCount: 0,
      ...NO_OUTCOMES,
      lastBatch: 0,
    });
    expect(stored.find((u) => u._id === 'acct-a.al')).toMatchObject({
      authCount: 1,
      profileAt: observedAt,
      status: 'active',
    });

    const later = new Date('2026-11-02T00:00:00Z');
    await users.applyProfiles([{ ...profile('acct-a', 'ann', 'snap-2'), observedAt: later }]);
    // An older profile changes nothing.
    await users.applyProfiles([{ ...profile('acct-a', 'ann', 'snap-0'), observedAt: NEVER }]);
    expect(await users.markRemoved({ accountId: 'acct-a' }, 'snap-2', observedAt, later)).toBe(2);
    expect(await users.markRemoved({ accountId: 'acct-a' }, 'snap-2', observedAt, later)).toBe(0);
    const incremental = await rows();
    expect(incremental).toHaveLength(3);
    users = await started();
    expect(await rows()).toEqual(incremental);
  });

  // Mutation: without the rebuild in onModuleInit, the users an older version wrote are never read.
  it('lists at start the users written without a list (an older version, a lost write)', async () => {
    await nativeDb(connection)
      .collection<UserDoc>('users')
      .insertMany([fromLogs('acct-a', 'old1'), fromLogs('acct-a', 'old2'), fromLogs('acct-b', 'old3')]);
    // MongoDB reads an account's users by its accountId index: no list is kept there, none is missing.
    if (await new ServerTraits(connection).isFerretdb1()) expect(await keysOf(['acct-a', 'acct-b'])).toEqual([]);

    users = await started();
    expect(await keysOf(['acct-a', 'acct-b'])).toEqual(['acct-a.old1', 'acct-a.old2', 'acct-b.old3']);
  });
});
