import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { type GroupAccount, type GroupDoc, GroupsRepository } from './groups.repository';

// A group's list figures and its accounts are stored apart (the list reads no accounts, #19), and read back together.
const account = (accountId: string, users: number): GroupAccount => ({
  accountId,
  users,
  serviceIds: [`${accountId}:svc`],
  firstSeen: new Date('2026-11-01T00:00:00Z'),
  lastSeen: new Date('2026-11-20T00:00:00Z'),
});

const group = (id: string, accounts: GroupAccount[]): GroupDoc => ({
  _id: id,
  name: id,
  productId: null,
  category: null,
  customers: accounts.length,
  users: accounts.reduce((n, a) => n + a.users, 0),
  services: accounts.length,
  firstSeen: new Date('2026-11-01T00:00:00Z'),
  lastSeen: new Date('2026-11-20T00:00:00Z'),
  accounts,
});

describe('GroupsRepository', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let groups: GroupsRepository;

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'groups-repository-spec');
    groups = new GroupsRepository(connection);
  });

  afterAll(async () => {
    await nativeDb(connection).dropDatabase();
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  // Mutation: writing the accounts inside the listed document (as before the split) fails the first expectation.
  it('lists groups without their accounts, gets one with them, and deletes both parts', async () => {
    const slack = group('name:slack', [account('DA1', 3), account('DA2', 2)]);
    await groups.save([slack, group('name:zoom', [account('DA1', 1)])], []);

    const stored = await nativeDb(connection).collection('service_groups').find({}).toArray();
    expect(stored.map((doc) => Object.keys(doc).includes('accounts'))).toEqual([false, false]);
    const listed = await groups.finder()({}, { name: 1, _id: 1 }, 10);
    expect(listed.map((g) => [g._id, g.users])).toEqual([
      ['name:slack', 5],
      ['name:zoom', 1],
    ]);
    expect(await groups.get('name:slack')).toEqual(slack);

    await groups.save([], ['name:slack']);
    expect(await groups.get('name:slack')).toBeNull();
    expect(
      await nativeDb(connection)
        .collection<{ _id: string }>('service_group_accounts')
        .countDocuments({ _id: 'name:slack' }),
    ).toBe(0);
  });

  it('still serves a group stored whole before the split, until its next rebuild', async () => {
    const legacy = group('name:box', [account('DA3', 4)]);
    await nativeDb(connection).collection<GroupDoc>('service_groups').insertOne(legacy);
    expect(await groups.get('name:box')).toEqual(legacy);

    const rebuilt = group('name:box', [account('DA3', 4), account('DA4', 1)]);
    await groups.save([rebuilt], []);
    expect(await groups.get('name:box')).toEqual(rebuilt);
  });
});
