import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { approvedRow, openRowStore, type RowStore } from './__fixtures__/row-store';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 0, 0, seconds));

// Two pushes of one row on two replicas (two connections to one database), the first outliving its lease: only the
// push holding the row's current lease settles or frees it (#18). Mutation: without the token check in
// PushLeases.held, the stale push's settle marked the row failed under the live push and its release freed it.
describe('push leases', () => {
  let scope: TestScope;
  const connections: MongoConnection[] = [];
  let first: RowStore;
  let second: RowStore;

  beforeAll(async () => {
    scope = createTestScope();
    const stores: RowStore[] = [];
    for (const name of ['push-a', 'push-b']) {
      const mongo = await MongoConnection.open(scope.mongoUrl, scope.dbName, name);
      connections.push(mongo);
      stores.push(await openRowStore(mongo));
    }
    [first, second] = stores as [RowStore, RowStore];
  });

  afterAll(async () => {
    for (const mongo of connections) await mongo.onApplicationShutdown();
    await scope.cleanup();
  });

  const outcome = (state: 'applied' | 'failed') => () => ({ changes: { state }, audits: [] });

  it('lets one push hold a row until its lease ends, then the next; the stale one can neither settle nor free it', async () => {
    const row = approvedRow('DA1');
    expect(await first.rows.insertNew(row)).toBe(true);
    const stale = await first.leases.take(row._id, at(0), at(10));
    expect(stale).not.toBeNull();
    // While the lease runs, no other push takes the row.
    expect(await second.leases.take(row._id, at(5), at(15))).toBeNull();
    // The first push stalls past its lease; the second takes the row.
    const live = await second.leases.take(row._id, at(11), at(21));
    expect(live?.pushToken).not.toBe(stale?.pushToken);

    expect(await first.leases.settle(stale!, outcome('failed'))).toBeNull();
    await first.leases.release(stale!);
    expect(await first.rows.findById(row._id)).toMatchObject({
      state: 'approved',
      pushToken: live?.pushToken,
      pushLeaseUntil: at(21),
    });

    const settled = await second.leases.settle(live!, (current) => ({
      changes: { state: 'applied', psaQuantity: current.vendorQuantity },
      audits: [],
    }));
    expect(settled).toMatchObject({ state: 'applied', psaQuantity: 12, pushToken: null, pushLeaseUntil: new Date(0) });
  });

  it('refuses a settle once a decision or a reopen cleared the lease', async () => {
    const row = approvedRow('DA2');
    expect(await first.rows.insertNew(row)).toBe(true);
    const leased = await first.leases.take(row._id, at(0), at(10));
    const current = await first.rows.findById(row._id);
    // A reopen while the lease had lapsed: pending again, lease cleared; then approved anew.
    await first.rows.update(row._id, current!.revision, {
      state: 'pending',
      pushLeaseUntil: new Date(0),
      pushToken: null,
    });
    const reopened = await first.rows.findById(row._id);
    await first.rows.update(row._id, reopened!.revision, { state: 'approved' });
    expect(await first.leases.settle(leased!, outcome('applied'))).toBeNull();
    expect(await first.rows.findById(row._id)).toMatchObject({ state: 'approved', pushToken: null });
  });
});
