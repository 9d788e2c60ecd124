import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connectSpecBus, type SpecBus } from '@seatwise/platform/testing/spec-bus';
import { startService, type StartedService } from '@seatwise/platform/testing/start-service';
import { eventSubject, streamName } from '@seatwise/shared/bus/subjects';
import { envSchema } from '@seatwise/shared/config/discovery-env';
import { consumers } from '@seatwise/shared/contracts/consumers';
import type { DailyActivity } from '@seatwise/shared/contracts/discovery-activity';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { waitFor } from '@seatwise/testing/wait';
import { consumersIdle, InventoryProbe } from './__fixtures__/inventory-probe';
import { utcDay } from './inventory/activity-days';
import { service } from './service';

const DAY_S = 86_400;
const nowS = (): number => Math.floor(Date.now() / 1000);

// Auth-log events of two accounts over three days, with every result, through the real bus and
// database: the daily counts hold each event once, whether it arrives again in the same batch, in a
// later one (a redelivery JetStream did not drop) or in a replay of the whole stream.
describe('discovery daily authentication activity', () => {
  let scope: TestScope;
  let bus: SpecBus;
  let probe: InventoryProbe;
  let discovery: StartedService | undefined;
  const anchor = nowS() - 60;
  let seq = 0;

  function event(accountId: string, daysAgo: number, result: string): DuoAuthLogEvent {
    seq++;
    return {
      integrationId: 'int-activity',
      accountId,
      fetchedAt: new Date().toISOString(),
      record: {
        txid: `tx-${seq}`,
        timestamp: anchor - daysAgo * DAY_S - (seq % 50),
        event_type: 'authentication',
        result,
        user: { key: `DU${seq % 3}`, name: `user${seq % 3}@example.org` },
        application: { key: 'DIVPN', name: 'Corp VPN' },
      },
    };
  }

  const events = [
    event('DAONE', 0, 'success'),
    event('DAONE', 0, 'success'),
    event('DAONE', 0, 'denied'),
    event('DAONE', 1, 'fraud'),
    event('DAONE', 3, 'success'),
    event('DAONE', 3, 'error'),
    event('DATWO', 0, 'success'),
    event('DATWO', 1, 'denied'),
    event('DATWO', 1, 'success'),
  ];
  const dayOf = (e: DuoAuthLogEvent): string => utcDay(new Date(e.record.timestamp * 1000));

  // The expected item of each day the events fall on, for one account or all.
  function expected(accountId?: string): Map<string, DailyActivity> {
    const byDay = new Map<string, DailyActivity>();
    for (const e of events.filter((x) => accountId === undefined || x.accountId === accountId)) {
      const day = dayOf(e);
      const item = byDay.get(day) ?? { day, total: 0, success: 0, denied: 0, fraud: 0 };
      item.total++;
      if (e.record.result === 'success' || e.record.result === 'denied' || e.record.result === 'fraud') {
        item[e.record.result]++;
      }
      byDay.set(day, item);
    }
    return byDay;
  }

  const daily = (request: { accountId?: string; days?: number }) =>
    probe.rpc.request('discovery.activity.daily', request).then((r) => r.items);
  const total = async (): Promise<number> => (await daily({ days: 7 })).reduce((n, d) => n + d.total, 0);

  // Raw, without a msgID: JetStream stores it again, so discovery itself must see it is not new.
  async function redeliver(e: DuoAuthLogEvent): Promise<void> {
    await jetstream(bus.nc).publish(eventSubject(scope.busPrefix, 'duo.authlog', e), JSON.stringify(e));
  }

  const start = async (): Promise<void> => {
    discovery = await startService(service, envSchema, serviceEnv(scope, { DISCOVERY_BATCH_SIZE: '4' }));
  };

  beforeAll(async () => {
    scope = createTestScope();
    bus = await connectSpecBus(scope, 'discovery-activity');
    probe = new InventoryProbe(bus.nc, scope.busPrefix);
    await start();
    // The same record twice in one publish: the second is dropped by JetStream or by discovery.
    await bus.publisher.publishAll('duo.authlog', [...events, events[0]!]);
    await waitFor(async () => (await total()) === events.length, {
      timeoutMs: 60_000,
      intervalMs: 200,
      description: 'every event counted',
    });
  });

  afterAll(async () => {
    await discovery?.close();
    await bus.nc.close();
    await scope.cleanup();
  });

  it('answers every day of the window, oldest first, zero-filled, per account', async () => {
    for (const accountId of ['DAONE', 'DATWO']) {
      const items = await daily({ accountId, days: 7 });
      expect(items).toHaveLength(7);
      expect(items.map((d) => d.day)).toEqual([...items.map((d) => d.day)].sort());
      const want = expected(accountId);
      for (const item of items) {
        expect(item).toEqual(want.get(item.day) ?? { day: item.day, total: 0, success: 0, denied: 0, fraud: 0 });
      }
      expect(items.filter((d) => d.total > 0)).toHaveLength(want.size);
    }
  });

  it('sums every account without accountId, and counts an unknown result in total only', async () => {
    const items = await daily({ days: 7 });
    const want = expected();
    for (const [day, item] of want) expect(items.find((d) => d.day === day)).toEqual(item);
    const sum = (key: keyof Omit<DailyActivity, 'day'>): number => items.reduce((n, d) => n + d[key], 0);
    // The one 'error' result.
    expect(sum('total') - sum('success') - sum('denied') - sum('fraud')).toBe(1);
  });

  it('defaults to 30 days, ends the window today and refuses a window out of 1..365', async () => {
    expect(await daily({})).toHaveLength(30);
    const before = utcDay(new Date());
    const [today] = await daily({ accountId: 'DAONE', days: 1 });
    expect([before, utcDay(new Date())]).toContain(today?.day);
    expect(await daily({ accountId: 'DANOBODY', days: 2 })).toEqual([
      expect.objectContaining({ total: 0 }),
      expect.objectContaining({ total: 0 }),
    ]);
    await expect(daily({ days: 0 })).rejects.toMatchObject({ code: 'COMMON.VALIDATION_FAILED' });
    await expect(daily({ days: 366 })).rejects.toMatchObject({ code: 'COMMON.VALIDATION_FAILED' });
  });

  it('counts nothing for events delivered again, in the same batch or a later one', async () => {
    const before = await daily({ days: 7 });
    for (const e of events.slice(0, 5)) await redeliver(e);
    const fresh = event('DATWO', 0, 'success');
    await redeliver(fresh);
    await redeliver(fresh);
    // Consumed in stream order: once this one is counted, everything published before it was handled.
    const marker = event('DATWO', 0, 'success');
    await bus.publisher.publish('duo.authlog', marker);
    await waitFor(async () => (await total()) >= events.length + 2, {
      timeoutMs: 60_000,
      intervalMs: 200,
      description: 'the events after the redeliveries',
    });
    await waitFor(() => consumersIdle(probe), { timeoutMs: 30_000, description: 'the consumers idle' });
    const after = await daily({ days: 7 });
    const newDays = new Set([dayOf(fresh), dayOf(marker)]);
    expect(after.filter((d) => !newDays.has(d.day))).toEqual(before.filter((d) => !newDays.has(d.day)));
    const added = (d: DailyActivity): number => d.total - (before.find((b) => b.day === d.day)?.total ?? 0);
    expect(after.reduce((n, d) => n + added(d), 0)).toBe(2);
  });

  it('changes nothing when the whole stream is replayed', async () => {
    const before = await daily({ days: 7 });
    await discovery?.close();
    discovery = undefined;
    const jsm = await jetstreamManager(bus.nc);
    await jsm.consumers.delete(streamName(scope.busPrefix, 'DUO_AUTHLOGS'), consumers.discoveryAuthLogs.durable);
    await start();
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(
          streamName(scope.busPrefix, 'DUO_AUTHLOGS'),
          consumers.discoveryAuthLogs.durable,
        );
        return info.delivered.stream_seq > 0 && (await consumersIdle(probe));
      },
      { timeoutMs: 60_000, intervalMs: 200, description: 'the replay consumed' },
    );
    expect(await daily({ days: 7 })).toEqual(before);
  });
});
