import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { ServiceMappingRepository } from '../mapping-store/service-mapping.repository';
import { AccountRowIdsRepository } from './account-row-ids.repository';
import { ReconcileReadiness } from './readiness';
import { RowRevisionClaims } from './row-revision-claims';
import { rowDoc } from './__fixtures__/row-store';
import { type RowDoc, RowRepository, rowId } from './row.repository';
import { RowsSummaryQuery } from './rows-summary.query';
import { RowsVersionRepository } from './rows-version.repository';

const row = (accountId: string, sku: string): RowDoc =>
  rowDoc(accountId, sku, {
    psaCompanyId: 'C1',
    productId: 'P1',
    vendorQuantity: 5,
    psaQuantity: 3,
    delta: 2,
    type: 'under_billed',
  });

// The summary's aggregates are kept under a rows version token (RowsVersionRepository): a row change made by any
// replica must show in the next summary of every other, and the token's writes must hold under concurrency on
// FerretDB 1.24, which isolates neither $inc nor concurrent first upserts.
describe('the reconciliation summary kept under the rows version', () => {
  let scope: TestScope;
  const connections: MongoConnection[] = [];

  beforeAll(() => {
    scope = createTestScope();
  });

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.onApplicationShutdown()));
    await scope.cleanup();
  });

  // One replica of reconcile: its own connection and its own instances (its own memo).
  const replica = async (name: string) => {
    const mongo = await MongoConnection.open(scope.mongoUrl, scope.dbName, `rows-summary-spec-${name}`);
    connections.push(mongo);
    const version = new RowsVersionRepository(mongo);
    const index = new AccountRowIdsRepository(mongo);
    const rows = new RowRepository(mongo, new RowRevisionClaims(mongo), index, version);
    await Promise.all([version.onModuleInit(), index.onModuleInit(), rows.onModuleInit()]);
    const readiness = new ReconcileReadiness(new AccountMappingRepository(mongo), new ServiceMappingRepository(mongo));
    return { rows, version, summary: new RowsSummaryQuery(rows, readiness, version) };
  };

  it("shows another replica's inserted, updated and removed rows in the next summary (mutation: without RowRepository's bump() calls the kept summary stays at 1 row and this fails)", async () => {
    const [a, b] = [await replica('a'), await replica('b')];
    await b.rows.insertNew(row('DA1', 'DUO-MFA'));
    expect((await a.summary.summary({})).rows).toBe(1);
    expect((await a.summary.summary({})).rows).toBe(1);

    await b.rows.insertNew(row('DA2', 'DUO-MFA'));
    const both = await a.summary.summary({});
    expect(both.rows).toBe(2);
    expect(both.mapped.vendorQuantity).toBe(10);

    await b.rows.update(rowId('DA1', 'DUO-MFA'), 1, { state: 'approved' });
    expect((await a.summary.summary({})).byState.approved).toBe(1);
    expect((await a.summary.summary({ accountId: 'DA2' })).rows).toBe(1);

    await b.rows.removeOfAccount({ accountId: 'DA2' });
    expect((await a.summary.summary({})).rows).toBe(1);
    expect((await a.summary.summary({ accountId: 'DA2' })).rows).toBe(0);
  });

  it('takes concurrent token changes from two replicas, also when the token document is gone (mutation: an upsert of the token, with $inc or $set, fails here with a duplicate key on FerretDB)', async () => {
    const [a, b] = [await replica('c'), await replica('d')];
    const before = await a.version.current();
    expect(before).not.toBeNull();

    await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? a : b).version.bump()));
    const after = await a.version.current();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);

    await connections[0]!.connection.collection('reconciliation_rows_version').deleteMany({});
    expect(await a.version.current()).toBeNull();
    await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? a : b).version.bump()));
    expect(await b.version.current()).not.toBeNull();
  });
});
