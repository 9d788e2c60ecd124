import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { AccountRowIdsRepository } from './account-row-ids.repository';
import { RowRevisionClaims } from './row-revision-claims';
import { rowDoc } from './__fixtures__/row-store';
import { type RowDoc, RowRepository, rowId } from './row.repository';
import { RowsVersionRepository } from './rows-version.repository';

const row = (accountId: string, sku: string, state: RowDoc['state'] = 'pending'): RowDoc =>
  rowDoc(accountId, sku, { state });

const ids = (rows: RowDoc[]): string[] => rows.map((r) => r._id).sort();

// An account's rows are read through its row index (one document per account, by _id), not by a filter on
// reconciliation_rows: the index must never be short of a row, or a recompute would not see it.
describe("an account's rows (the per-account row index)", () => {
  let scope: TestScope;
  let mongo: MongoConnection;

  beforeAll(async () => {
    scope = createTestScope();
    mongo = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'account-row-ids-spec');
  });

  afterAll(async () => {
    await mongo.onApplicationShutdown();
    await scope.cleanup();
  });

  const repository = async () => {
    const index = new AccountRowIdsRepository(mongo);
    const rows = new RowRepository(mongo, new RowRevisionClaims(mongo), index, new RowsVersionRepository(mongo));
    await index.onModuleInit();
    await rows.onModuleInit();
    return rows;
  };

  it("reads each account's own rows, none for an account never seen, and keeps an approved row on removal", async () => {
    const rows = await repository();
    expect(await rows.insertNew(row('DA1', 'DUO-MFA'))).toBe(true);
    expect(await rows.insertNew(row('DA1', 'DUO-ESSENTIALS', 'approved'))).toBe(true);
    expect(await rows.insertNew(row('DA2', 'DUO-MFA'))).toBe(true);
    // A second insert of a stored row is refused and indexes nothing twice.
    expect(await rows.insertNew(row('DA1', 'DUO-MFA'))).toBe(false);

    expect(ids(await rows.ofAccount({ accountId: 'DA1' }))).toEqual([
      rowId('DA1', 'DUO-ESSENTIALS'),
      rowId('DA1', 'DUO-MFA'),
    ]);
    expect(ids(await rows.ofAccount({ accountId: 'DA2' }))).toEqual([rowId('DA2', 'DUO-MFA')]);
    expect(await rows.ofAccount({ accountId: 'DA3' })).toEqual([]);

    expect(await rows.removeOfAccount({ accountId: 'DA1' })).toBe(1);
    expect(ids(await rows.ofAccount({ accountId: 'DA1' }))).toEqual([rowId('DA1', 'DUO-ESSENTIALS')]);
    // A row inserted again after its removal is indexed again.
    expect(await rows.insertNew(row('DA1', 'DUO-MFA'))).toBe(true);
    expect(await rows.ofAccount({ accountId: 'DA1' })).toHaveLength(2);
  });

  it('enters the rows stored before the index existed, once, at start', async () => {
    // Written as an earlier version of reconcile did: the row alone.
    await mongo.connection.collection<RowDoc>('reconciliation_rows').insertOne(row('DA9', 'DUO-MFA'));
    const before = await repository();
    // The index was marked filled by the first start of this spec: a later start does not scan again.
    expect(await before.ofAccount({ accountId: 'DA9' })).toEqual([]);

    await mongo.connection.collection('account_row_ids').deleteMany({});
    const rows = await repository();
    expect(ids(await rows.ofAccount({ accountId: 'DA9' }))).toEqual([rowId('DA9', 'DUO-MFA')]);
    expect(await rows.ofAccount({ accountId: 'DA1' })).toHaveLength(2);
    expect(await rows.ofAccount({ accountId: 'DA2' })).toHaveLength(1);
  });
});
