import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { approvedRow, openRowStore, type RowStore } from './__fixtures__/row-store';
import { OUTBOX_LEFT_AFTER_MS } from './outbox-relay';
import type { RowDoc } from './row.repository';

// A row change, its audit entries and its event, all or nothing (#18, the outbox), on FerretDB 1.24 (no transactions)
// as on MongoDB: a crash or an outage between them is completed by the relay, on any replica, exactly once.
describe('row changes through the outbox', () => {
  let scope: TestScope;
  const connections: MongoConnection[] = [];
  let store: RowStore;
  let other: RowStore;

  beforeAll(async () => {
    scope = createTestScope();
    const stores: RowStore[] = [];
    for (const name of ['outbox-a', 'outbox-b']) {
      const mongo = await MongoConnection.open(scope.mongoUrl, scope.dbName, name);
      connections.push(mongo);
      stores.push(await openRowStore(mongo));
    }
    [store, other] = stores as [RowStore, RowStore];
  });

  afterAll(async () => {
    for (const mongo of connections) await mongo.onApplicationShutdown();
    await scope.cleanup();
  });

  const auditsOf = async (rowId: string) =>
    (await store.audits.page({ targetId: rowId, limit: 100 }, (a) => a)).items.map((a) => a.action);
  const announcedOf = (s: RowStore, rowId: string) =>
    s.events.announced.filter((r) => r._id === rowId).map((r) => r.revision);
  const left = () => store.outbox.leftBefore(new Date(Date.now() + 3_600_000), 100);
  // The relays of both replicas, once the entries are old enough to be a dead writer's.
  const sweepLater = async () => {
    for (const s of [store, other]) s.clock.offsetMs = OUTBOX_LEFT_AFTER_MS + 1_000;
    await Promise.all([store.relay.sweepOnce(), other.relay.sweepOnce()]);
    for (const s of [store, other]) s.clock.offsetMs = 0;
  };
  const note = (row: RowDoc, text: string) =>
    store.changes.update(row, { note: text }, () => [
      {
        actor: 'alice',
        action: 'row.note',
        targetKind: 'row',
        targetId: row._id,
        accountId: row.accountId,
        note: text,
      },
    ]);

  it('writes the row, its audit entry and its event together, and leaves nothing in the outbox', async () => {
    const row = approvedRow('DA1');
    expect(await store.changes.insert(row, [])).toBe(true);
    const after = await note((await store.rows.findById(row._id))!, 'checked');
    expect(after).toMatchObject({ note: 'checked', revision: 2 });
    expect(await auditsOf(row._id)).toEqual(['row.note']);
    expect(announcedOf(store, row._id)).toEqual([1, 2]);
    expect(await left()).toEqual([]);
  });

  // Mutation: announcing as before (a failed publish logged and dropped), the event of revision 2 was never sent.
  it('keeps a change whose event NATS refused, and announces it once NATS is back', async () => {
    const row = approvedRow('DA2');
    expect(await store.changes.insert(row, [])).toBe(true);
    store.events.down = true;
    const after = await note((await store.rows.findById(row._id))!, 'during the outage');
    store.events.down = false;
    expect(after?.note).toBe('during the outage');
    expect(announcedOf(store, row._id)).toEqual([1]);
    expect(await left()).toHaveLength(1);
    await sweepLater();
    // Both relays may announce revision 2: JetStream keeps one (the message id is the row's revision).
    expect(new Set([...announcedOf(store, row._id), ...announcedOf(other, row._id)])).toEqual(new Set([1, 2]));
    expect(await auditsOf(row._id)).toEqual(['row.note']);
    expect(await left()).toEqual([]);
  });

  // A writer killed between the row and its announcement: its entry and the row's change are all that is stored.
  // Mutation: a relay that drops entries instead of completing them left the audit unwritten and the event unsent.
  it("completes a dead writer's change on another replica: the audit entry and the event, once", async () => {
    const row = approvedRow('DA3');
    expect(await store.changes.insert(row, [])).toBe(true);
    const current = (await store.rows.findById(row._id))!;
    const entry = { _id: 'chg_dead', rowId: row._id, audits: [], createdAt: new Date() };
    const audit = { _id: 'aud_dead', at: new Date(), actor: 'bob', action: 'row.dismiss', targetKind: 'row' as const };
    await store.outbox.insert({
      ...entry,
      audits: [{ ...audit, targetId: row._id, accountId: 'DA3', note: null, details: {} }],
    });
    await store.rows.update(row._id, current.revision, {
      state: 'dismissed',
      changeIds: [...current.changeIds, 'chg_dead'],
    });
    await sweepLater();
    expect(await auditsOf(row._id)).toEqual(['row.dismiss']);
    expect([...announcedOf(store, row._id), ...announcedOf(other, row._id)].filter((r) => r === 2)).not.toHaveLength(0);
    expect(await left()).toEqual([]);
  });

  // Mutation: without the changeIds check in RowChanges.complete, the relay wrote the audit of a change that lost
  // its compare-and-set.
  it('drops the entry of a change that never landed, writing nothing', async () => {
    const row = approvedRow('DA4');
    expect(await store.changes.insert(row, [])).toBe(true);
    const audit = { _id: 'aud_lost', at: new Date(), actor: 'bob', action: 'row.dismiss', targetKind: 'row' as const };
    await store.outbox.insert({
      _id: 'chg_lost',
      rowId: row._id,
      audits: [{ ...audit, targetId: row._id, accountId: 'DA4', note: null, details: {} }],
      createdAt: new Date(),
    });
    await sweepLater();
    expect(await auditsOf(row._id)).toEqual([]);
    expect(announcedOf(other, row._id)).toEqual([]);
    expect(await left()).toEqual([]);
  });

  it('lets one of two writers from the same revision change the row, with only its audit entry', async () => {
    const row = approvedRow('DA5');
    expect(await store.changes.insert(row, [])).toBe(true);
    const read = (await store.rows.findById(row._id))!;
    const [a, b] = await Promise.all([
      store.changes.update(read, { note: 'a' }, () => [
        { actor: 'a', action: 'row.note', targetKind: 'row', targetId: row._id, accountId: 'DA5', note: 'a' },
      ]),
      other.changes.update(read, { note: 'b' }, () => [
        { actor: 'b', action: 'row.note', targetKind: 'row', targetId: row._id, accountId: 'DA5', note: 'b' },
      ]),
    ]);
    expect([a, b].filter((x) => x !== null)).toHaveLength(1);
    expect(await auditsOf(row._id)).toEqual(['row.note']);
    expect(await left()).toEqual([]);
  });
});
