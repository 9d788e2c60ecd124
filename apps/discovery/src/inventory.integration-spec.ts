import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { SAAS_APPS } from '@seatwise/duo-simulator/data/catalog';
import { startService, type StartedService } from '@seatwise/platform/testing/start-service';
import { streamName } from '@seatwise/shared/bus/subjects';
import { envSchema } from '@seatwise/shared/config/discovery-env';
import { consumers } from '@seatwise/shared/contracts/consumers';
import type { DailyActivity } from '@seatwise/shared/contracts/discovery-activity';
import type { ServiceView } from '@seatwise/shared/contracts/discovery-views';
import { serviceEnv } from '@seatwise/testing/scope';
import { waitFor } from '@seatwise/testing/wait';
import { consumersIdle, dumpInventories } from './__fixtures__/inventory-probe';
import { type SimBed, startSimBed } from './__fixtures__/sim-bed';
import { authEvents, publishAuthEvents, publishUsersSnapshot } from './__fixtures__/sim-events';
import { utcDay } from './inventory/activity-days';
import { service } from './service';

const EVENTS = 50_000;

describe('discovery inventories from 50,000 simulated Duo events in 3 accounts', () => {
  let bed: SimBed;
  let discovery: StartedService | undefined;
  const start = async (): Promise<void> => {
    discovery = await startService(service, envSchema, serviceEnv(bed.scope, { DISCOVERY_BATCH_SIZE: '2000' }));
  };

  beforeAll(async () => {
    bed = await startSimBed('discovery-inventory', { accounts: 3, usersPerAccount: 50, apps: 10, events: EVENTS });
    await start();
    for (let i = 0; i < 3; i++) await publishUsersSnapshot(bed.publisher, bed.data, i, `snap-1-${i}`);
    expect(await publishAuthEvents(bed.publisher, bed.data)).toBe(EVENTS);
    await waitFor(async () => (await bed.probe.totalAuthCount()) === EVENTS, {
      timeoutMs: 180_000,
      intervalMs: 1_000,
      description: 'every event in the inventories',
    });
    await waitFor(() => consumersIdle(bed.probe), {
      timeoutMs: 60_000,
      intervalMs: 500,
      description: 'both consumers idle',
    });
  });

  afterAll(async () => {
    await discovery?.close();
    await bed.close();
  });

  it('equals the simulator truth: services per account, distinct users and event counts per service', async () => {
    const truth = bed.data.sim.truth();
    expect(truth.accounts.reduce((n, a) => n + a.auth_events, 0)).toBe(EVENTS);
    for (const account of truth.accounts) {
      const services = await bed.probe.allServices(account.account_id);
      const seen = account.applications.filter((app) => app.events > 0);
      expect(services.map((s) => s.applicationKey).sort()).toEqual(seen.map((app) => app.key).sort());
      for (const app of seen) {
        const found = services.find((s) => s.applicationKey === app.key);
        // The simulator's truth counts users with any attempt; userCount (successful users) is the oracle spec's.
        expect(found).toMatchObject({
          name: app.name,
          attemptedUserCount: app.users,
          authCount: app.events,
          accountId: account.account_id,
        });
      }
      const summary = (await bed.probe.rpc.request('discovery.accounts.summary', { accountId: account.account_id }))
        .items[0];
      expect(summary).toMatchObject({ services: seen.length, authCount: account.auth_events, users: account.users });
    }
  });

  it('counts authentications per account, UTC day and result as the published records say', async () => {
    const truth = new Map<string, Map<string, DailyActivity>>();
    for (const events of authEvents(bed.data)) {
      for (const { accountId, record } of events) {
        const days = truth.get(accountId) ?? new Map<string, DailyActivity>();
        truth.set(accountId, days);
        const day = utcDay(new Date(record.timestamp * 1000));
        const item = days.get(day) ?? { day, total: 0, success: 0, denied: 0, fraud: 0 };
        item.total++;
        if (record.result === 'success' || record.result === 'denied' || record.result === 'fraud') {
          item[record.result]++;
        }
        days.set(day, item);
      }
    }
    let all = 0;
    for (const [accountId, days] of truth) {
      // The simulated history is 30 days: a 40-day window holds all of it.
      const { items } = await bed.probe.rpc.request('discovery.activity.daily', { accountId, days: 40 });
      expect(items.filter((d) => d.total > 0)).toEqual([...days.values()].sort((a, b) => a.day.localeCompare(b.day)));
      all += items.reduce((n, d) => n + d.total, 0);
    }
    expect(all).toBe(EVENTS);
    const summed = await bed.probe.rpc.request('discovery.activity.daily', { days: 40 });
    expect(summed.items.reduce((n, d) => n + d.total, 0)).toBe(EVENTS);
    expect(summed.items.some((d) => d.fraud > 0)).toBe(true);
  });

  it('resolves each variously named SaaS app to one catalog product and leaves internal apps unmatched', async () => {
    const productOf = new Map<string, string>();
    for (const account of bed.data.sim.truth().accounts) {
      for (const s of await bed.probe.allServices(account.account_id)) {
        const group = SAAS_APPS.findIndex((names) => names.includes(s.name));
        if (group < 0) {
          expect(s).toMatchObject({ catalog: null, status: 'new' });
          continue;
        }
        expect(s.status).toBe('known');
        const productId = s.catalog?.productId ?? 'none';
        expect(productOf.get(String(group)) ?? productId).toBe(productId);
        productOf.set(String(group), productId);
      }
    }
    expect(new Set(productOf.values()).size).toBe(productOf.size);
    expect(productOf.size).toBeGreaterThan(5);
  });

  it('publishes service-discovered once per service and user-discovered once per user seen in logs', async () => {
    const truth = bed.data.sim.truth();
    const services = truth.accounts.reduce((n, a) => n + a.applications.filter((app) => app.events > 0).length, 0);
    const js = jetstream(bed.nc);
    const counts = new Map<string, number>();
    const consumer = await js.consumers.get(streamName(bed.scope.busPrefix, 'DISCOVERY'));
    const total = await bed.probe.streamMessages('DISCOVERY');
    for (let read = 0; read < total;) {
      for await (const m of await consumer.fetch({ max_messages: total - read, expires: 5_000 })) {
        const stem = m.subject.split('.').slice(1, -1).join('.');
        counts.set(stem, (counts.get(stem) ?? 0) + 1);
        read++;
      }
    }
    expect(counts.get('discovery.service.discovered')).toBe(services);
    const users = await bed.probe.rpc.request('discovery.users.list', {
      accountId: truth.accounts[0]!.account_id,
      limit: 200,
    });
    expect(users.items.length).toBe(truth.accounts[0]!.users);
    const matched = (await Promise.all(truth.accounts.map((a) => bed.probe.allServices(a.account_id))))
      .flat()
      .filter((s) => s.catalog !== null);
    expect(counts.get('discovery.service.matched')).toBe(matched.length);
    expect(counts.get('discovery.user.discovered')).toBeGreaterThan(0);
  });

  it('keeps an internal app unmatched until a person matches it, and logs every decision', async () => {
    const accountId = bed.data.sim.truth().accounts[0]!.account_id;
    const internal = (await bed.probe.rpc.request('discovery.services.list', { accountId, matched: false })).items;
    expect(internal.length).toBeGreaterThanOrEqual(2);
    const [first, second] = internal as [ServiceView, ServiceView];
    const matched = await bed.probe.rpc.request('discovery.services.match', {
      id: first.id,
      productId: 'confluence',
      actor: 'alice',
      note: 'our wiki',
    });
    expect(matched).toMatchObject({ status: 'known', catalog: { productId: 'confluence', method: 'manual' } });
    const merged = await bed.probe.rpc.request('discovery.services.merge', {
      id: second.id,
      intoId: first.id,
      actor: 'bob',
    });
    expect(merged).toMatchObject({ mergedInto: first.id, catalog: { productId: 'confluence', method: 'merge' } });
    const detail = await bed.probe.rpc.request('discovery.services.get', { id: first.id });
    expect(detail.merged.map((s) => s.id)).toEqual([second.id]);
    expect(detail.activeUsers.days90).toBe(first.userCount);
    const log = await bed.probe.rpc.request('discovery.actions.list', { accountId, automatic: false });
    expect(log.items.map((a) => [a.action, a.actor, a.serviceId])).toEqual([
      ['merge', 'bob', second.id],
      ['match', 'alice', first.id],
    ]);
    expect(log.items[1]).toMatchObject({ note: 'our wiki', automatic: false, catalog: { productId: 'confluence' } });
    const automatic = await bed.probe.rpc.request('discovery.actions.list', { accountId, automatic: true, limit: 200 });
    expect(automatic.items.every((a) => a.actor === 'discovery' && a.action === 'match')).toBe(true);
    await expect(
      bed.probe.rpc.request('discovery.services.match', { id: first.id, productId: 'no-such-product', actor: 'alice' }),
    ).rejects.toMatchObject({ code: 'DISCOVERY.PRODUCT.NOT_FOUND' });
    await expect(
      bed.probe.rpc.request('discovery.services.list', { accountId, cursor: 'bm90LWEtY3Vyc29y' }),
    ).rejects.toMatchObject({ code: 'COMMON.VALIDATION_FAILED' });
    await expect(
      bed.probe.rpc.request('discovery.services.get', { id: `${accountId}.DINOSUCHAPP` }),
    ).rejects.toMatchObject({ code: 'COMMON.NOT_FOUND' });
  });

  it("lists a service's users and a user's services from the same usage rows", async () => {
    const accountId = bed.data.sim.truth().accounts[1]!.account_id;
    const [top] = (await bed.probe.rpc.request('discovery.services.list', { accountId, sort: '-userCount', limit: 1 }))
      .items;
    const users = await bed.probe.rpc.request('discovery.services.users', { id: top!.id, limit: 200 });
    expect(users.items).toHaveLength(top!.userCount);
    expect(users.items.every((u) => u.successCount > 0 && u.lastSuccess !== null)).toBe(true);
    const attempted = await bed.probe.rpc.request('discovery.services.users', {
      id: top!.id,
      include: 'all',
      limit: 200,
    });
    expect(attempted.items).toHaveLength(top!.attemptedUserCount);
    expect(attempted.items.reduce((n, u) => n + u.count, 0)).toBe(top!.authCount);
    const someone = users.items[0]!;
    const user = await bed.probe.rpc.request('discovery.users.get', { id: someone.userId });
    const services = await bed.probe.rpc.request('discovery.users.services', { id: someone.userId, limit: 200 });
    expect(services.items).toHaveLength(user.serviceCount);
    const all = await bed.probe.rpc.request('discovery.users.services', {
      id: someone.userId,
      include: 'all',
      limit: 200,
    });
    expect(all.items.reduce((n, s) => n + s.count, 0)).toBe(user.authCount);
    expect(user).toMatchObject({
      removed: false,
      realName: expect.any(String) as string,
      status: expect.any(String) as string,
    });
  });

  it('marks users missing from a complete snapshot as removed, without deleting them', async () => {
    const accountId = bed.data.sim.truth().accounts[2]!.account_id;
    await publishUsersSnapshot(bed.publisher, bed.data, 2, 'snap-2-2', new Set([0, 1]));
    const removed = await waitFor(
      async () => {
        const page = await bed.probe.rpc.request('discovery.users.list', { accountId, removed: true });
        return page.items.length === 2 ? page.items : null;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'two users removed' },
    );
    expect(removed.map((u) => u.userKey.slice(-6)).sort()).toEqual(['000000', '000001']);
    expect(removed.every((u) => u.removedAt !== null)).toBe(true);
    const summary = (await bed.probe.rpc.request('discovery.accounts.summary', { accountId })).items[0];
    expect(summary).toMatchObject({ removedUsers: 2, users: bed.data.sim.truth().accounts[2]!.users });
  });

  // Mutation: drop the refresh of `lateSnapshots` in UsersIngestService.handleOwned and the counts stay 2 short.
  it("counts a snapshot's users delivered after its end marker (a hand-back between replicas) once they are in", async () => {
    const truth = bed.data.sim.truth().accounts[1]!;
    // The late records in a batch of their own, after the end marker's (as a hand-back delivers them); then until
    // they are applied too (a summary right away would count the earlier snapshot).
    const applied = (what: string) => async (): Promise<void> => {
      await waitFor(() => consumersIdle(bed.probe), { timeoutMs: 60_000, intervalMs: 500, description: what });
    };
    await publishUsersSnapshot(
      bed.publisher,
      bed.data,
      1,
      'snap-3-1',
      new Set(),
      new Set([0, 1]),
      applied('the snapshot and its end marker applied'),
    );
    await applied('the late records applied')();
    const summary = (await bed.probe.rpc.request('discovery.accounts.summary', { accountId: truth.account_id }))
      .items[0];
    expect(summary).toMatchObject({ users: truth.users, removedUsers: 0 });
    const removed = await bed.probe.rpc.request('discovery.users.list', { accountId: truth.account_id, removed: true });
    expect(removed.items).toEqual([]);
  });

  it('changes nothing when the whole stream is delivered again', async () => {
    const before = await dumpInventories(bed.scope.mongoUrl, bed.scope.dbName);
    await discovery?.close();
    const jsm = await jetstreamManager(bed.nc);
    await jsm.consumers.delete(streamName(bed.scope.busPrefix, 'DUO_AUTHLOGS'), consumers.discoveryAuthLogs.durable);
    await jsm.consumers.delete(streamName(bed.scope.busPrefix, 'DUO_USERS'), consumers.discoveryUsers.durable);
    await start();
    await waitFor(() => consumersIdle(bed.probe), {
      timeoutMs: 180_000,
      intervalMs: 1_000,
      description: 'the replay consumed',
    });
    expect(await dumpInventories(bed.scope.mongoUrl, bed.scope.dbName)).toEqual(before);
  });

  it('dead-letters a poison event with the reason and keeps consuming', async () => {
    const before = await bed.probe.totalAuthCount();
    await jetstream(bed.nc).publish(
      `${bed.scope.busPrefix}.duo.authlog.DAPOISON`,
      JSON.stringify({ accountId: 'DAPOISON', record: { txid: 'x' } }),
    );
    const account = bed.data.sim.truth().accounts[0]!;
    const app = account.applications[0]!;
    await bed.publisher.publish('duo.authlog', {
      integrationId: bed.data.integrationId,
      accountId: account.account_id,
      fetchedAt: new Date().toISOString(),
      record: {
        txid: 'after-poison',
        timestamp: Math.floor(Date.now() / 1000),
        event_type: 'authentication',
        result: 'success',
        user: { key: 'DUNEWUSER', name: 'new.user' },
        application: { key: app.key, name: app.name },
      },
    });
    await waitFor(async () => (await bed.probe.totalAuthCount()) === before + 1, {
      timeoutMs: 60_000,
      description: 'the event after the poison one',
    });
    const letter = await waitFor(
      async () => {
        const consumer = await jetstream(bed.nc).consumers.get(streamName(bed.scope.busPrefix, 'DEAD_LETTER'));
        const m = await consumer.next({ expires: 2_000 });
        return m ? m.json<{ consumer: string; reason: string }>() : null;
      },
      { timeoutMs: 30_000, description: 'the dead letter' },
    );
    expect(letter.consumer).toBe(consumers.discoveryAuthLogs.durable);
    expect(letter.reason).toMatch(/record/);
  });
});
