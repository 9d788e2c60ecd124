import { connectSpecBus, type SpecBus } from '@seatwise/platform/testing/spec-bus';
import type { AlertRuleView } from '@seatwise/shared/contracts/alerts-views';
import { createTestScope, dropDatabase, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { testEncryptionKeys } from '@seatwise/testing/service-env';
import { type NodeProcess, startNode } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import { join } from 'node:path';
import { startGateway, type TestGateway } from '../../__fixtures__/gateway-fixture';
import { SEALING_ENV } from '../../__fixtures__/sealing-env';
import { Http } from '../../__fixtures__/http-client';

const ADMIN_KEY = `boot-${'a'.repeat(40)}`;
const RULES = '/api/v1/alerts/rules';
// The alerts service from its build (apps never import apps).
const ALERTS_MAIN = join(__dirname, '..', '..', '..', '..', 'alerts', 'dist', 'main.js');

interface Problem {
  status: number;
  code: string;
}

// Alert rules through the gateway, with the alerts service behind it: admins change, viewers read, bad input is a
// coded 4xx and leaves nothing stored.
describe('alerts through the gateway', () => {
  let scope: TestScope;
  let alerts: NodeProcess;
  let gateway: TestGateway;
  let bus: SpecBus;
  let admin: Http;
  let viewer: Http;
  let channelId: string;

  beforeAll(async () => {
    scope = createTestScope();
    alerts = startNode(
      ALERTS_MAIN,
      serviceEnv(scope, {
        MONGO_DB: `${scope.dbName}_alerts`,
        LOG_LEVEL: 'warn',
        ...testEncryptionKeys(),
        ...SEALING_ENV,
      }),
    );
    gateway = await startGateway(serviceEnv(scope, { SEATWISE_ADMIN_API_KEY: ADMIN_KEY }));
    admin = new Http(gateway.url, ADMIN_KEY);
    const key = await admin.post<{ key: string }>('/api/v1/api-keys', { name: 'dashboard', role: 'viewer' });
    viewer = admin.as(key.body.key);
    await waitFor(async () => (await admin.get(RULES)).status === 200, { description: 'alerts behind the gateway' });
    bus = await connectSpecBus(scope, 'gateway-alerts-spec', 10_000);
    // Channels are the channels feature's (created over RPC here so this spec does not depend on its routes).
    const channel = await bus.rpc.request('alerts.channels.create', {
      name: 'hook',
      kind: 'webhook',
      url: 'https://hooks.example.com/seatwise',
      secret: 'gateway-spec-secret-0123',
      actor: 'spec',
    });
    channelId = channel.id;
  });

  afterAll(async () => {
    await gateway.close();
    alerts.kill('SIGTERM');
    await alerts.exited;
    await bus.nc.close();
    await dropDatabase(scope.mongoUrl, `${scope.dbName}_alerts`);
    await scope.cleanup();
  });

  const rulesStored = async (): Promise<AlertRuleView[]> =>
    (await admin.get<{ items: AlertRuleView[] }>(RULES)).body.items;

  it('refuse bad rules with a coded 4xx and store nothing', async () => {
    const valid = { name: 'behind', condition: { kind: 'account_behind', minutes: 30 }, channelIds: [channelId] };
    const cases: [unknown, number, string][] = [
      [{ ...valid, condition: { kind: 'sunspots' } }, 400, 'COMMON.VALIDATION_FAILED'],
      [{ ...valid, condition: { kind: 'account_behind', minutes: -1 } }, 400, 'COMMON.VALIDATION_FAILED'],
      [{ ...valid, condition: { kind: 'reclaimable_seats', seats: -3 } }, 400, 'COMMON.VALIDATION_FAILED'],
      [{ ...valid, channelIds: [] }, 400, 'COMMON.VALIDATION_FAILED'],
      [{ ...valid, accountId: 'not an id!' }, 400, 'COMMON.VALIDATION_FAILED'],
      [{ ...valid, extra: true }, 400, 'COMMON.VALIDATION_FAILED'],
      [{ ...valid, channelIds: ['ach_unknown'] }, 400, 'ALERTS.CHANNEL_UNKNOWN'],
    ];
    for (const [body, status, code] of cases) {
      const res = await admin.post<Problem>(RULES, body);
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), status, code]);
    }
    expect(await rulesStored()).toEqual([]);
  });

  it('let an admin create, change, read and delete a rule', async () => {
    const created = await admin.post<AlertRuleView>(RULES, {
      name: 'credentials',
      condition: { kind: 'credentials_rejected' },
      channelIds: [channelId],
      throttleMinutes: 30,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'credentials',
      accountId: null,
      enabled: true,
      delivery: 'immediate',
      throttleMinutes: 30,
    });
    const id = created.body.id;
    const changed = await admin.patch<AlertRuleView>(`${RULES}/${id}`, { delivery: 'digest', accountId: 'DA0001' });
    expect(changed.body).toMatchObject({ id, delivery: 'digest', accountId: 'DA0001' });
    expect(
      (await admin.patch<Problem>(`${RULES}/${id}`, { condition: { kind: 'logs_silent', minutes: 0 } })).status,
    ).toBe(400);
    expect((await viewer.get<AlertRuleView>(`${RULES}/${id}`)).body).toEqual(changed.body);
    expect((await admin.delete(`${RULES}/${id}`)).body).toEqual({ deleted: true });
    expect((await admin.get<Problem>(`${RULES}/${id}`)).body).toMatchObject({
      status: 404,
      code: 'ALERTS.RULE_NOT_FOUND',
    });
  });

  it('let a viewer read rules, alerts and the delivery log but change nothing', async () => {
    const rule = await admin.post<AlertRuleView>(RULES, {
      name: 'usage',
      condition: { kind: 'reclaimable_seats', seats: 10 },
      channelIds: [channelId],
    });
    const attempts = [
      await viewer.post<Problem>(RULES, {
        name: 'x',
        condition: { kind: 'unmatched_service' },
        channelIds: [channelId],
      }),
      await viewer.patch<Problem>(`${RULES}/${rule.body.id}`, { enabled: false }),
      await viewer.delete<Problem>(`${RULES}/${rule.body.id}`),
    ];
    expect(attempts.map((res) => [res.status, res.body.code])).toEqual([
      [403, 'AUTH.FORBIDDEN'],
      [403, 'AUTH.FORBIDDEN'],
      [403, 'AUTH.FORBIDDEN'],
    ]);
    expect((await viewer.get<{ items: AlertRuleView[] }>(RULES)).body.items).toEqual([rule.body]);
    expect((await viewer.get(`/api/v1/alerts?state=open`)).body).toEqual({ items: [], nextCursor: null });
    expect((await viewer.get('/api/v1/alerts/deliveries')).body).toEqual({ items: [], nextCursor: null });
    expect((await viewer.get(`${RULES}?kind=reclaimable_seats`)).status).toBe(200);
  });
});
