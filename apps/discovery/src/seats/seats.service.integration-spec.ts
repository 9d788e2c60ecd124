import { Clock } from '@seatwise/platform/clock/clock';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { AccountMembersRepository } from '../inventory/account-members.repository';
import { type Scope, userIdOf } from '../inventory/ids';
import { NEVER } from '../inventory/never';
import { NO_OUTCOMES } from '../inventory/outcome-totals';
import { ServerTraits } from '../inventory/server-traits';
import { type AccountRows, type UserRow, UserRowsRepository } from '../inventory/user-rows.repository';
import { type UserDoc, UsersRepository } from '../inventory/users.repository';
import { SeatSettingsRepository } from './seat-settings.repository';
import { SeatsService } from './seats.service';

// On FerretDB 1.x the seat figures count the accounts' packed user rows (#19: the refresh after every batch read
// every user of each account it touched); they must equal the figures counted from the users themselves.
// Mutation: rows without lastDenial (or a row's status dropped) change deniedOnly (billableUsers) below.
const now = Date.now();
const daysAgo = (n: number): Date => new Date(now - n * 86_400_000);

// Every combination the seat rules tell apart: in a snapshot or only in the logs, removed, pending deletion, never
// enrolled, and the last success and denial at 3, 20, 60 and 200 days (or never).
function users(accountId: string): UserDoc[] {
  const docs: UserDoc[] = [];
  const times = [daysAgo(3), daysAgo(20), daysAgo(60), daysAgo(200), NEVER];
  let i = 0;
  for (const profiled of [true, false]) {
    for (const status of ['active', 'pending deletion', 'disabled'] as const) {
      for (const success of times) {
        for (const denial of [daysAgo(3), NEVER]) {
          const key = `u${i++}`;
          docs.push({
            _id: userIdOf(accountId, key),
            accountId,
            userKey: key,
            username: key,
            profileAt: profiled ? daysAgo(1) : NEVER,
            ...(profiled ? { status, enrolled: i % 4 !== 0 } : {}),
            ...(i % 7 === 0 ? { removedAt: daysAgo(2) } : {}),
            firstSeen: daysAgo(300),
            lastSeen: daysAgo(1),
            authCount: 1,
            ...NO_OUTCOMES,
            lastSuccess: success,
            lastDenial: denial,
            serviceCount: 1,
            lastBatch: 1,
            firstLogBatch: 1,
          });
        }
      }
    }
  }
  return docs;
}

class NoRows extends UserRowsRepository {
  override rowsOf(): Promise<Map<string, Map<string, UserRow>>> {
    return Promise.resolve(new Map<string, Map<string, UserRow>>());
  }

  override everyAccount(): Promise<{ rows: AsyncIterable<AccountRows>; unkept: () => Promise<string[]> } | null> {
    return Promise.resolve(null);
  }
}

describe('SeatsService from user rows', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let server: ServerTraits;
  let rows: UserRowsRepository;
  let fromRows: SeatsService;
  let fromUsers: SeatsService;
  const accounts: Scope[] = [{ accountId: 'DA1' }, { accountId: 'DA2' }, { accountId: 'DA3' }];

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'seats-service-spec');
    server = new ServerTraits(connection);
    const members = new AccountMembersRepository(connection, server);
    rows = new UserRowsRepository(connection, server);
    const repository = new UsersRepository(connection, members, rows);
    const settings = new SeatSettingsRepository(connection);
    fromRows = new SeatsService(repository, rows, settings, new Clock());
    fromUsers = new SeatsService(repository, new NoRows(connection, server), settings, new Clock());
    await repository.save([...users('DA1'), ...users('DA2').slice(0, 17)], 'replace');
  });

  afterAll(async () => {
    await nativeDb(connection).dropDatabase();
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  it('counts the rows where they are kept (FerretDB 1.x)', async () => {
    expect((await rows.rowsOf(accounts)).size).toBe((await server.isFerretdb1()) ? 2 : 0);
  });

  it('gives each account the same figures and user counts as its users', async () => {
    const expected = await fromUsers.withCounts(accounts);
    expect(expected.map((a) => a.users)).toEqual([
      { users: 60, removed: 8 },
      { users: 17, removed: 2 },
      { users: 0, removed: 0 },
    ]);
    expect(expected[0]?.seats.deniedOnly).toBeGreaterThan(0);
    expect(expected[0]?.seats.neverEnrolled).toBeGreaterThan(0);
    expect(await fromRows.withCounts(accounts)).toEqual(expected);
  });

  it('gives every account the same figures in one pass', async () => {
    const expected = await fromUsers.every();
    expect(expected.map((s) => s.accountId)).toEqual(['DA1', 'DA2']);
    expect(await fromRows.every()).toEqual(expected);
  });
});
