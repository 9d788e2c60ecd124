import { Clock } from '@seatwise/platform/clock/clock';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { service } from '../__fixtures__/service-doc';
import { AccountMembersRepository } from '../inventory/account-members.repository';
import { userIdOf } from '../inventory/ids';
import { NEVER } from '../inventory/never';
import { NO_OUTCOMES } from '../inventory/outcome-totals';
import { ServerTraits } from '../inventory/server-traits';
import { ServiceFiguresRepository } from '../inventory/service-figures.repository';
import { type ServiceDoc, ServicesRepository } from '../inventory/services.repository';
import { type UsageStateDoc, UsageStateRepository, type UserCounts } from '../inventory/usage-state.repository';
import { UserRowsRepository } from '../inventory/user-rows.repository';
import { type UserDoc, UsersRepository } from '../inventory/users.repository';
import { SummaryQuery } from './summary.query';

// The account summaries count users from the counts each account's last usage refresh saved, one document per
// account, not from every user (#19: seconds for an MSP on FerretDB 1.24); an account without saved counts has its
// users read. Services are counted from their figures, written with every write of the services.
const seen = new Date('2026-11-01T00:00:00Z');

const user = (accountId: string, key: string, removed = false): UserDoc => ({
  _id: userIdOf(accountId, key),
  accountId,
  userKey: key,
  username: key,
  profileAt: NEVER,
  firstSeen: seen,
  lastSeen: seen,
  authCount: 1,
  ...NO_OUTCOMES,
  serviceCount: 0,
  lastBatch: 1,
  firstLogBatch: 1,
  ...(removed ? { removedAt: seen } : {}),
});

const state = (accountId: string, users?: UserCounts): UsageStateDoc => ({
  _id: accountId,
  revision: 1,
  figures: { billableUsers: 0, activeUsers: { d7: 0, d30: 0, d90: 0 }, reclaimable: 0, unusedAfterDays: 30 },
  ...(users ? { users } : {}),
  at: seen,
  published: true,
});

describe('SummaryQuery', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let members: AccountMembersRepository;
  let services: ServicesRepository;
  let query: SummaryQuery;

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'summary-query-spec');
    members = new AccountMembersRepository(connection, new ServerTraits(connection));
    const states = new UsageStateRepository(connection);
    const figures = new ServiceFiguresRepository(connection);
    services = new ServicesRepository(connection, members, figures);
    const users = new UsersRepository(
      connection,
      members,
      new UserRowsRepository(connection, new ServerTraits(connection)),
    );
    query = new SummaryQuery(figures, users, states, new Clock());
    await store(
      [service('s1', 'DA1', 'Slack'), service('s2', 'DA1', 'Zoom'), service('s3', 'DA2', 'Box')],
      [user('DA1', 'u1'), user('DA1', 'u2'), user('DA1', 'u3', true), user('DA2', 'v1'), user('DA2', 'v2')],
      [user('DA3', 'w1')],
    );
    // DA1 counted at its last refresh; DA2's state predates the counts; DA4 refreshed with nobody.
    for (const doc of [state('DA1', { users: 3, removed: 1 }), state('DA2'), state('DA4', { users: 0, removed: 0 })]) {
      await states.saveMany([doc]);
    }
  });

  afterAll(async () => {
    await nativeDb(connection).dropDatabase();
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  async function store(docs: ServiceDoc[], ...userSets: UserDoc[][]): Promise<void> {
    const users = userSets.flat();
    await services.save(docs, 'replace');
    await members.add(
      'users',
      users.map((u) => ({ accountId: u.accountId, id: u._id })),
    );
    await nativeDb(connection).collection<UserDoc>('users').insertMany(users);
  }

  it('lists every account with services or counted users, users from the saved counts or else read', async () => {
    const summaries = await query.summaries();
    expect(summaries.map((s) => [s.accountId, s.services, s.users, s.removedUsers])).toEqual([
      ['DA1', 2, 3, 1],
      ['DA2', 1, 2, 0],
    ]);
  });

  it('answers one account the same way, reading its users when nothing is counted or met', async () => {
    expect(await query.summaries('DA1')).toMatchObject([{ services: 2, users: 3, removedUsers: 1 }]);
    expect(await query.summaries('DA2')).toMatchObject([{ services: 1, users: 2 }]);
    expect(await query.summaries('DA3')).toMatchObject([{ services: 0, users: 1 }]);
    expect(await query.summaries('DA4')).toEqual([]);
  });

  it('counts users as of the last refresh: a user stored since counts at the next one', async () => {
    await store([], [user('DA1', 'u4')]);
    expect(await query.summaries('DA1')).toMatchObject([{ users: 3 }]);
  });

  it('counts a curation and a re-derivation as soon as the services are written', async () => {
    await services.update({ accountId: 'DA2' }, 'DA2.s3', { status: 'ignored' });
    expect(await query.summaries('DA2')).toMatchObject([{ services: 1, ignored: 1, unmatched: 0, authCount: 1 }]);
    await services.resetDerived();
    expect(await query.summaries('DA2')).toMatchObject([{ authCount: 0 }]);
  });

  // Mutation: a start that rebuilds the account lists alone leaves DA5 out.
  it('counts services stored without figures (before they were kept, or a crash in between) from the next start', async () => {
    await nativeDb(connection)
      .collection<ServiceDoc>('services')
      .insertOne(service('s9', 'DA5', 'Okta'));
    await members.add('services', [{ accountId: 'DA5', id: 'DA5.s9' }]);
    expect(await query.summaries('DA5')).toEqual([]);
    await services.onModuleInit();
    expect(await query.summaries('DA5')).toMatchObject([{ accountId: 'DA5', services: 1, unmatched: 1 }]);
  });
});
