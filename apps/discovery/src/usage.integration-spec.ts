import { jetstream } from '@nats-io/jetstream';
import { startService, type StartedService } from '@seatwise/platform/testing/start-service';
import type { RpcClient } from '@seatwise/shared/bus/rpc-client';
import { streamName } from '@seatwise/shared/bus/subjects';
import { envSchema } from '@seatwise/shared/config/discovery-env';
import type { AccountUsageEvent } from '@seatwise/shared/contracts/discovery-events';
import type { ServiceView } from '@seatwise/shared/contracts/discovery-views';
import type { Page } from '@seatwise/shared/contracts/page';
import { serviceEnv } from '@seatwise/testing/scope';
import { waitFor } from '@seatwise/testing/wait';
import mongoose from 'mongoose';
import { normalizeName } from './catalog/normalize';
import { consumersIdle, dumpInventories } from './__fixtures__/inventory-probe';
import { type SimBed, startSimBed } from './__fixtures__/sim-bed';
import { publishAuthEvents, publishUsersSnapshot } from './__fixtures__/sim-events';
import { type AccountTruth, flagsOf, reclaimableTruth, usageTruth } from './__fixtures__/usage-oracle';
import { DERIVATION_VERSION } from './ingest/derivation.service';
import { service } from './service';

const EVENTS = 8_000;
const ACCOUNTS = 3;

// Every page of a list, following its cursors.
async function allPages<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return out;
}

// Inventories without the journal's batch numbers (a re-derivation consumes in new batches).
function withoutBatches(dump: Record<string, unknown[]>): Record<string, unknown[]> {
  const strip = (doc: unknown): unknown =>
    Object.fromEntries(Object.entries(doc as Record<string, unknown>).filter(([key]) => !/Batch$/.test(key)));
  return Object.fromEntries(Object.entries(dump).map(([name, docs]) => [name, docs.map(strip)]));
}

// Usage semantics, unused seats, services across customers and catalog curation, against an oracle that
// recomputes everything from the Duo simulator's raw records.
describe('discovery usage, unused seats and services across customers, against the simulator', () => {
  let bed: SimBed;
  let discovery: StartedService | undefined;
  let truth: Map<string, AccountTruth>;
  const start = async (): Promise<void> => {
    discovery = await startService(service, envSchema, serviceEnv(bed.scope, { DISCOVERY_BATCH_SIZE: '2000' }));
  };
  const settled = async (): Promise<void> => {
    await waitFor(async () => (await bed.probe.totalAuthCount()) === EVENTS && (await consumersIdle(bed.probe)), {
      timeoutMs: 400_000,
      intervalMs: 1_000,
      description: 'every event in the inventories, both consumers idle',
    });
  };
  const accountIds = (): string[] => [...truth.keys()];
  let rpc: RpcClient['request'];

  beforeAll(async () => {
    // Half a year of history over 100 users per account: with this seed every kind of reclaimable seat
    // occurs (some users' last use is older than 30 days without a failed attempt since).
    bed = await startSimBed('discovery-usage', {
      accounts: ACCOUNTS,
      usersPerAccount: 100,
      apps: 8,
      events: EVENTS,
      historyDays: 180,
    });
    truth = usageTruth(bed.data);
    rpc = bed.probe.rpc.request.bind(bed.probe.rpc);
    await start();
    for (let i = 0; i < ACCOUNTS; i++) await publishUsersSnapshot(bed.publisher, bed.data, i, `snap-${i}`);
    expect(await publishAuthEvents(bed.publisher, bed.data)).toBe(EVENTS);
    await settled();
  }, 600_000);

  afterAll(async () => {
    await discovery?.close();
    await bed.close();
  });

  // The reclaimable seats at one instant: the oracle before and after the answer must agree (a user's
  // last success crossing the cutoff in between would make the comparison ambiguous: then it is retried).
  async function atOneInstant<T>(answer: () => Promise<T>, oracle: (now: number) => unknown): Promise<[T, unknown]> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = oracle(Date.now());
      const got = await answer();
      const after = oracle(Date.now());
      if (JSON.stringify(before) === JSON.stringify(after)) return [got, before];
    }
    throw new Error('the oracle kept changing around the answer');
  }

  it('counts as users of a service exactly those who authenticated to it successfully', async () => {
    let withDenials = 0;
    for (const [accountId, account] of truth) {
      const services = await bed.probe.allServices(accountId);
      expect(services.map((s) => s.applicationKey).sort()).toEqual([...account.services.keys()].sort());
      for (const s of services) {
        const expected = account.services.get(s.applicationKey)!;
        const users = await allPages((cursor) =>
          rpc('discovery.services.users', { id: s.id, limit: 97, ...(cursor ? { cursor } : {}) }),
        );
        expect(users.map((u) => u.userKey).sort()).toEqual([...expected.users].sort());
        expect(s).toMatchObject({
          userCount: expected.users.size,
          authCount: expected.attempts,
          denialCount: expected.denials,
          fraudCount: expected.fraud,
          flags: flagsOf(expected),
        });
        const reasons = Object.fromEntries(s.denialReasons.map((r) => [r.reason, r.count]));
        expect(reasons).toEqual(Object.fromEntries(expected.reasons));
        if (expected.denials > 0) withDenials++;
      }
    }
    // The data exercise the rule: denials exist, and some user attempted a service without ever succeeding.
    expect(withDenials).toBeGreaterThan(0);
    const [accountId, account] = [...truth][0]!;
    const services = await bed.probe.allServices(accountId);
    expect(services.some((s) => s.attemptedUserCount > s.userCount)).toBe(true);
    expect(account.services.size).toBe(services.length);
  });

  it('lists exactly the unused seats for N = 30, per account and in total', async () => {
    let total = 0;
    for (const accountId of accountIds()) {
      const account = truth.get(accountId)!;
      expect(await rpc('discovery.seats.settings.get', { accountId })).toEqual({ accountId, unusedAfterDays: 30 });
      const [rows, expected] = await atOneInstant(
        () =>
          allPages((cursor) =>
            rpc('discovery.seats.reclaimable', { accountId, limit: 17, ...(cursor ? { cursor } : {}) }),
          ),
        (now) => Object.fromEntries([...reclaimableTruth(account, now, 30)].sort()),
      );
      expect(Object.fromEntries(rows.map((r) => [r.userKey, r.reason]).sort())).toEqual(expected);
      const summary = (await rpc('discovery.seats.summary', { accountId })).items[0]!;
      const count = Object.keys(expected as object).length;
      expect(summary).toMatchObject({
        accountId,
        unusedAfterDays: 30,
        billableUsers: account.profiles.filter((p) => p.status !== 'pending deletion').length,
        reclaimable: count,
      });
      total += count;
    }
    // Every kind of reclaimable seat occurs in the simulated data.
    const reasons = new Set([...truth.values()].flatMap((a) => [...reclaimableTruth(a, Date.now(), 30).values()]));
    expect([...reasons].sort()).toEqual(['denied-only', 'inactive', 'never-enrolled']);
    const all = await rpc('discovery.seats.summary', {});
    expect(all.items.map((s) => s.accountId).sort()).toEqual(accountIds().sort());
    expect(all.total.reclaimable).toBe(total);
  });

  it('announces the usage of each account, and again with a new revision when its setting changes', async () => {
    const accountId = accountIds()[1]!;
    const account = truth.get(accountId)!;
    const subject = `${bed.scope.busPrefix}.discovery.account.usage.${accountId}`;
    // The whole stream read in order (this NATS server predates filtered ordered consumers), kept: this account's usage.
    const usageEvents = async (): Promise<AccountUsageEvent[]> => {
      const consumer = await jetstream(bed.nc).consumers.get(streamName(bed.scope.busPrefix, 'DISCOVERY'));
      const total = await bed.probe.streamMessages('DISCOVERY');
      const out: AccountUsageEvent[] = [];
      for (let read = 0; read < total;) {
        for await (const m of await consumer.fetch({ max_messages: total - read, expires: 5_000 })) {
          read++;
          if (m.subject === subject) out.push(m.json<AccountUsageEvent>());
        }
      }
      return out;
    };
    const first = await usageEvents();
    expect(first.length).toBeGreaterThan(0);
    expect(first.map((e) => e.revision)).toEqual(first.map((_, i) => i + 1));
    const set = await rpc('discovery.seats.settings.set', { accountId, unusedAfterDays: 7, actor: 'spec' });
    expect(set).toEqual({ accountId, unusedAfterDays: 7 });
    const [rows, expected] = await atOneInstant(
      () =>
        allPages((cursor) =>
          rpc('discovery.seats.reclaimable', { accountId, limit: 200, ...(cursor ? { cursor } : {}) }),
        ),
      (now) => Object.fromEntries([...reclaimableTruth(account, now, 7)].sort()),
    );
    expect(Object.fromEntries(rows.map((r) => [r.userKey, r.reason]).sort())).toEqual(expected);
    const after = await usageEvents();
    const last = after.at(-1)!;
    expect(last).toMatchObject({ accountId, revision: first.length + 1, unusedAfterDays: 7 });
    expect(last.reclaimable).toBe(Object.keys(expected as object).length);
    await rpc('discovery.seats.settings.set', { accountId, unusedAfterDays: 30, actor: 'spec' });
    await expect(
      rpc('discovery.seats.settings.set', { accountId, unusedAfterDays: 0, actor: 'spec' }),
    ).rejects.toMatchObject({ code: 'COMMON.VALIDATION_FAILED' });
  });

  it('filters users by last success, last seen and enrollment', async () => {
    const accountId = accountIds()[0]!;
    const account = truth.get(accountId)!;
    const cutoff = Date.now() - 10 * 86_400_000;
    const before = await allPages((cursor) =>
      rpc('discovery.users.list', {
        accountId,
        lastSuccessBefore: new Date(cutoff).toISOString(),
        limit: 50,
        ...(cursor ? { cursor } : {}),
      }),
    );
    const expected = account.profiles
      .map((p) => p.userKey)
      .filter((key) => (account.users.get(key)?.lastSuccess ?? 0) < cutoff);
    expect(before.map((u) => u.userKey).sort()).toEqual(expected.sort());
    const after = await rpc('discovery.users.list', {
      accountId,
      lastSeenAfter: new Date(cutoff).toISOString(),
      limit: 200,
    });
    expect(after.items.every((u) => u.lastSeen !== null && Date.parse(u.lastSeen) >= cutoff)).toBe(true);
    const never = await rpc('discovery.users.list', { accountId, enrolled: false, limit: 200 });
    expect(never.items.map((u) => u.userKey).sort()).toEqual(
      account.profiles
        .filter((p) => !p.enrolled)
        .map((p) => p.userKey)
        .sort(),
    );
  });

  it('groups services across customers by catalog product or normalized name', async () => {
    const expected = new Map<string, { customers: Set<string>; users: number; services: number }>();
    for (const accountId of accountIds()) {
      for (const s of await bed.probe.allServices(accountId)) {
        const key = s.catalog ? `product:${s.catalog.productId}` : `name:${normalizeName(s.name)}`;
        const group = expected.get(key) ?? { customers: new Set<string>(), users: 0, services: 0 };
        if (s.userCount > 0) group.customers.add(accountId);
        group.users += s.userCount;
        group.services++;
        expected.set(key, group);
      }
    }
    const groups = await allPages((cursor) =>
      rpc('discovery.groups.list', { sort: '-customers', limit: 5, ...(cursor ? { cursor } : {}) }),
    );
    expect(
      Object.fromEntries(groups.map((g) => [g.id, { customers: g.customers, users: g.users, services: g.services }])),
    ).toEqual(
      Object.fromEntries(
        [...expected].map(([key, g]) => [key, { customers: g.customers.size, users: g.users, services: g.services }]),
      ),
    );
    // Sorted by customers, most first; shared products exist across the three accounts.
    expect(groups.map((g) => g.customers)).toEqual([...groups.map((g) => g.customers)].sort((a, b) => b - a));
    const top = groups[0]!;
    expect(top.customers).toBeGreaterThan(1);
    const detail = await rpc('discovery.groups.get', { id: top.id });
    expect(
      detail.accounts
        .filter((a) => a.users > 0)
        .map((a) => a.accountId)
        .sort(),
    ).toEqual([...expected.get(top.id)!.customers].sort());
    await expect(rpc('discovery.groups.get', { id: 'name:nosuchapp' })).rejects.toMatchObject({
      code: 'DISCOVERY.GROUP.NOT_FOUND',
    });
  });

  it('adds custom catalog products that re-match services, and undoes matches and ignores', async () => {
    const accountId = accountIds()[0]!;
    const unmatched = (await rpc('discovery.services.list', { accountId, matched: false, limit: 200 })).items;
    const target = unmatched[0] as ServiceView;
    const before = await rpc('discovery.catalog.search', { limit: 1 });
    const created = await rpc('discovery.catalog.create', {
      name: `${target.name} Platform`,
      aliases: [target.name],
      category: 'Internal',
      vendorUrl: 'https://tools.example.org/app',
      actor: 'alice',
    });
    expect(created.product).toMatchObject({ custom: true, domain: 'tools.example.org', aliases: [target.name] });
    expect(created.version).not.toBe(before.version);
    // Every account's service of that name is re-matched (the simulator gives accounts the same internal apps).
    const sameName = (await Promise.all(accountIds().map((id) => bed.probe.allServices(id))))
      .flat()
      .filter((s) => s.name === target.name);
    expect(created.rematched).toBe(sameName.length);
    for (const s of sameName) {
      expect(s.catalog).toMatchObject({
        productId: created.product.id,
        method: 'alias',
        catalogVersion: created.version,
      });
      expect(s.status).toBe('known');
    }
    const log = await rpc('discovery.actions.list', { accountId, serviceId: target.id, automatic: true });
    expect(log.items[0]).toMatchObject({ action: 'match', actor: 'discovery' });
    const group = await rpc('discovery.groups.get', { id: `product:${created.product.id}` });
    expect(group.services).toBe(sameName.length);

    // Un-match: no product, and a later catalog version leaves the service alone.
    const unmatchedNow = await rpc('discovery.services.unmatch', { id: target.id, actor: 'bob' });
    expect(unmatchedNow).toMatchObject({ catalog: null, status: 'new' });
    const edited = await rpc('discovery.catalog.update', {
      id: created.product.id,
      aliases: [target.name, `${target.name} (EU)`],
      actor: 'alice',
    });
    expect(edited.rematched).toBe(0);
    expect((await rpc('discovery.services.get', { id: target.id })).catalog).toBeNull();

    const ignored = await rpc('discovery.services.ignore', { id: target.id, actor: 'bob' });
    expect(ignored.status).toBe('ignored');
    expect(await rpc('discovery.services.unignore', { id: target.id, actor: 'bob' })).toMatchObject({ status: 'new' });
    await expect(rpc('discovery.services.unignore', { id: target.id, actor: 'bob' })).rejects.toMatchObject({
      code: 'DISCOVERY.SERVICE.INVALID_STATE',
    });
    const manual = await rpc('discovery.actions.list', { accountId, serviceId: target.id, automatic: false });
    expect(manual.items.map((a) => a.action)).toEqual(['unignore', 'ignore', 'unmatch']);

    // Bad input: a name another product holds, a built-in product, an unknown one.
    await expect(
      rpc('discovery.catalog.create', { name: 'Another', aliases: ['Slack'], category: 'x', actor: 'alice' }),
    ).rejects.toMatchObject({ code: 'DISCOVERY.CATALOG.CONFLICT' });
    await expect(rpc('discovery.catalog.update', { id: 'slack', category: 'x', actor: 'alice' })).rejects.toMatchObject(
      { code: 'DISCOVERY.CATALOG.BUILT_IN' },
    );
    await expect(
      rpc('discovery.catalog.update', { id: 'no-such-product', category: 'x', actor: 'alice' }),
    ).rejects.toMatchObject({ code: 'DISCOVERY.PRODUCT.NOT_FOUND' });
    await expect(
      rpc('discovery.catalog.create', { name: 'Bad', category: 'x', vendorUrl: 'ftp://x', actor: 'alice' }),
    ).rejects.toMatchObject({ code: 'COMMON.VALIDATION_FAILED' });
    const search = await rpc('discovery.catalog.search', { q: created.product.name, limit: 5 });
    expect(search.items.map((p) => p.id)).toEqual([created.product.id]);
  });

  it('re-derives inventories of an older derivation from the stream, to the same result', async () => {
    const before = withoutBatches(await dumpInventories(bed.scope.mongoUrl, bed.scope.dbName));
    await discovery?.close();
    // As a version before usage semantics left it: an older derivation and counts that include denials.
    const db = await mongoose.createConnection(bed.scope.mongoUrl, { dbName: bed.scope.dbName }).asPromise();
    try {
      await db.collection('derivation').updateOne({ _id: 'inventories' as never }, { $set: { version: 1 } });
      await db.collection('services').updateMany({}, { $set: { userCount: 999, successCount: 0 } });
      await db.collection('usage').deleteMany({});
    } finally {
      await db.close();
    }
    await start();
    await settled();
    expect(withoutBatches(await dumpInventories(bed.scope.mongoUrl, bed.scope.dbName))).toEqual(before);
    const db2 = await mongoose.createConnection(bed.scope.mongoUrl, { dbName: bed.scope.dbName }).asPromise();
    try {
      expect(await db2.collection('derivation').findOne({})).toMatchObject({
        version: DERIVATION_VERSION,
        state: 'current',
      });
    } finally {
      await db2.close();
    }
  }, 600_000);
});
