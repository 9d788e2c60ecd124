import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { DuoAccountSnapshotEvent } from '@seatwise/shared/contracts/duo-events';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { type VendorAccountDoc, VendorAccountRepository } from './vendor-account.repository';
import { VendorNamesRepository } from './vendor-names.repository';

const snapshot = (accountId: string, name: string, minute: number): DuoAccountSnapshotEvent => ({
  integrationId: 'int_spec',
  accountId,
  name,
  edition: 'ENTERPRISE',
  userCount: 3,
  pendingDeletionCount: 0,
  billableSeats: 3,
  adminCount: null,
  integrationCount: null,
  observedAt: new Date(Date.UTC(2026, 10, 1, 0, minute)).toISOString(),
});

describe('which Duo accounts carry an exact name (the name index)', () => {
  let scope: TestScope;
  let mongo: MongoConnection;

  beforeAll(async () => {
    scope = createTestScope();
    mongo = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'vendor-names-spec');
  });

  afterAll(async () => {
    await mongo.onApplicationShutdown();
    await scope.cleanup();
  });

  const repositories = async () => {
    const names = new VendorNamesRepository(mongo);
    const accounts = new VendorAccountRepository(mongo, names);
    await names.onModuleInit();
    await accounts.onModuleInit();
    return { names, accounts };
  };

  const store = async (accounts: VendorAccountRepository, event: DuoAccountSnapshotEvent) => {
    const previous = await accounts.get({ accountId: event.accountId });
    return accounts.storeIfNewer(event, new Date(event.observedAt), previous);
  };

  it('counts the accounts that carry a name now, through renames and a crash between the two writes', async () => {
    const { names, accounts } = await repositories();
    await store(accounts, snapshot('DA1', 'Acme Dental', 1));
    await store(accounts, snapshot('DA2', ' ACME  dental', 1));
    expect(await accounts.countByNameKey('acme dental')).toBe(2);

    await store(accounts, snapshot('DA2', 'Blue Harbor', 2));
    expect(await accounts.countByNameKey('acme dental')).toBe(1);
    expect(await accounts.countByNameKey('blue harbor')).toBe(1);
    expect(await names.candidates('acme dental')).toEqual(['DA1']);

    // A stale snapshot stores nothing, and its name does not count.
    expect(await store(accounts, snapshot('DA1', 'Blue Harbor', 0))).toBe(false);
    expect(await accounts.countByNameKey('blue harbor')).toBe(1);
    expect(await accounts.countByNameKey('acme dental')).toBe(1);
  });

  it('enters the accounts stored before the index existed, once, at start', async () => {
    // Written as an earlier version of reconcile did: the account alone.
    await mongo.connection.collection<VendorAccountDoc>('vendor_accounts').insertOne({
      _id: 'DA9',
      integrationId: 'int_spec',
      name: 'Old Timer',
      nameKey: 'old timer',
      edition: 'ENTERPRISE',
      billableSeats: 1,
      userCount: 1,
      pendingDeletionCount: 0,
      observedAt: new Date(Date.UTC(2026, 0, 1)),
    });
    const before = await repositories();
    // The index was marked filled by the first start of this spec: a later start does not scan again.
    expect(await before.accounts.countByNameKey('old timer')).toBe(0);

    await mongo.connection.collection('vendor_account_names').deleteMany({});
    const { accounts } = await repositories();
    expect(await accounts.countByNameKey('old timer')).toBe(1);
    expect(await accounts.countByNameKey('acme dental')).toBe(1);
    expect(await accounts.countByNameKey('blue harbor')).toBe(1);
  });
});
