import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { AccountRowIdsRepository } from './account-row-ids.repository';
import { PushLeases } from './push-leases';
import { RowRevisionClaims } from './row-revision-claims';
import { type RowDoc, RowRepository, rowId, UNDECIDED } from './row.repository';
import { RowsVersionRepository } from './rows-version.repository';

const approved = (accountId: string): RowDoc => ({
  _id: rowId(accountId, 'DUO-MFA'),
  accountId,
  accountName: accountId,
  psaCompanyId: 'c1',
  connectionId: 'conn1',
  connectionKind: 'connectwise',
  sku: 'DUO-MFA',
  productId: 'p1',
  agreementId: 'a1',
  agreementIssue: null,
  vendorQuantity: 12,
  psaQuantity: 10,
  delta: 2,
  type: 'under_billed',
  unitPrice: null,
  currency: null,
  monthlyImpact: 0,
  ...UNDECIDED,
  mutedUntil: null,
  state: 'approved',
  revision: 1,
  updatedAt: new Date(Date.UTC(2026, 10, 1)),
  pushLeaseUntil: new Date(0),
  pushToken: null,
});

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 0, 0, seconds));

// Two pushes of one row on two replicas (two connections to one database), the first outliving its lease: only the
// push holding the row's current lease settles or frees it (#18). Mutation: without the token check in
// PushLeases.held, the stale push's settle marked the row applied under the live push and its release freed it.
describe('push leases', () => {
  let scope: TestScope;
  const connections: MongoConnection[] = [];
  let first: PushLeases;
  let second: PushLeases;
  let rows: RowRepository;

  beforeAll(async () => {
    scope = createTestScope();
    const replicas: PushLeases[] = [];
    for (const name of ['push-a', 'push-b']) {
      const mongo = await MongoConnection.open(scope.mongoUrl, scope.dbName, name);
      connections.push(mongo);
      const index = new AccountRowIdsRepository(mongo);
      rows = new RowRepository(mongo, new RowRevisionClaims(mongo), index, new RowsVersionRepository(mongo));
      await index.onModuleInit();
      await rows.onModuleInit();
      replicas.push(new PushLeases(rows));
    }
    [first, second] = replicas as [PushLeases, PushLeases];
  });

  afterAll(async () => {
    for (const mongo of connections) await mongo.onApplicationShutdown();
    await scope.cleanup();
  });

  it('lets one push hold a row until its lease ends, then the next; the stale one can neither settle nor free it', async () => {
    const row = approved('DA1');
    expect(await rows.insertNew(row)).toBe(true);
    const stale = await first.take(row._id, at(0), at(10));
    expect(stale).not.toBeNull();
    // While the lease runs, no other push takes the row.
    expect(await second.take(row._id, at(5), at(15))).toBeNull();
    // The first push stalls past its lease; the second takes the row.
    const live = await second.take(row._id, at(11), at(21));
    expect(live?.pushToken).not.toBe(stale?.pushToken);

    expect(await first.settle(stale!, () => ({ state: 'failed' }))).toBeNull();
    await first.release(stale!);
    expect(await rows.findById(row._id)).toMatchObject({
      state: 'approved',
      pushToken: live?.pushToken,
      pushLeaseUntil: at(21),
    });

    const settled = await second.settle(live!, (current) => ({
      state: 'applied',
      psaQuantity: current.vendorQuantity,
    }));
    expect(settled?.after).toMatchObject({
      state: 'applied',
      psaQuantity: 12,
      pushToken: null,
      pushLeaseUntil: new Date(0),
    });
  });

  it('refuses a settle once a decision or a reopen cleared the lease', async () => {
    const row = approved('DA2');
    expect(await rows.insertNew(row)).toBe(true);
    const leased = await first.take(row._id, at(0), at(10));
    const current = await rows.findById(row._id);
    // A reopen while the lease had lapsed: pending again, lease cleared; then approved anew.
    await rows.update(row._id, current!.revision, { state: 'pending', pushLeaseUntil: new Date(0), pushToken: null });
    const reopened = await rows.findById(row._id);
    await rows.update(row._id, reopened!.revision, { state: 'approved' });
    expect(await first.settle(leased!, () => ({ state: 'applied' }))).toBeNull();
    expect(await rows.findById(row._id)).toMatchObject({ state: 'approved', pushToken: null });
  });
});
