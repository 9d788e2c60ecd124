import type { DuoSimulator } from '@seatwise/duo-simulator/server';
import type { DuoAccountView, IntegrationView, ValidationReport } from '@seatwise/shared/contracts/connector-views';
import { waitFor } from '@seatwise/testing/wait';
import type { TestGateway } from './__fixtures__/gateway-fixture';
import type { Http } from './__fixtures__/http-client';
import { stopUpstream } from './__fixtures__/services';
import { type Stack, startStack } from './__fixtures__/stack';
import { openSse } from './__fixtures__/sse-client';

const ADMIN_KEY = `boot-${'c'.repeat(40)}`;

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// Integrations and accounts over HTTP, through the real duo-connector (a process) to the Duo simulator.
describe('gateway → duo-connector', () => {
  let stack: Stack;
  let sim: DuoSimulator;
  let gateway: TestGateway;
  let api: Http;
  let viewer: Http;

  beforeAll(async () => {
    stack = await startStack({
      adminKey: ADMIN_KEY,
      duo: { seed: 'gateway', accounts: 3, events: 300, usersPerAccount: 8, apps: 4 },
      upstreams: { 'duo-connector': {} },
      gatewayEnv: { GATEWAY_CONNECTOR_TIMEOUT_MS: '20000' },
      ready: { paths: ['/api/v1/integrations'], timeoutMs: 30_000 },
    });
    ({ duo: sim, gateway, api, viewer } = stack);
  });

  afterAll(async () => {
    await stack.stop();
  });

  const accountsInput = () => ({
    name: 'MSP parent',
    kind: 'accounts',
    apiHostname: sim.url,
    integrationKey: sim.info.accountsApi.ikey,
    secretKey: sim.info.accountsApi.skey,
  });

  it('creates an integration, streams its sync status, and lists its accounts page by page', async () => {
    const events = await openSse(`${gateway.url}/api/v1/events?types=integration.sync-status`, viewer.key ?? '');
    expect(events.status).toBe(200);
    expect(events.contentType).toContain('text/event-stream');
    try {
      const created = await api.post<{ integration: IntegrationView; validation: ValidationReport }>(
        '/api/v1/integrations',
        accountsInput(),
      );
      expect(created.status).toBe(201);
      expect(created.body.validation).toMatchObject({ ok: true, missing: [], error: null, accountsFound: 3 });
      expect(created.text).not.toContain(sim.info.accountsApi.skey);
      const id = created.body.integration.id;
      const status = await events.next((e) => (e.data as { integrationId?: string }).integrationId === id);
      expect(status.event).toBe('integration.sync-status');
      expect(status.data).toMatchObject({ integrationId: id, revision: expect.any(Number) as number });

      await waitFor(async () => (await viewer.get<Page<DuoAccountView>>('/api/v1/accounts')).body.items.length === 3, {
        timeoutMs: 30_000,
        description: 'three accounts',
      });
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const suffix: string = cursor === null ? '' : `&cursor=${cursor}`;
        const page = await viewer.get<Page<DuoAccountView>>(`/api/v1/accounts?limit=1&integrationId=${id}${suffix}`);
        expect(page.body.items).toHaveLength(1);
        ids.push(...page.body.items.map((a) => a.id));
        cursor = page.body.nextCursor;
      } while (cursor !== null);
      expect(ids.sort()).toEqual(sim.info.accounts.map((a) => a.account_id).sort());

      const one = await viewer.get<DuoAccountView>(`/api/v1/accounts/${ids[0] ?? ''}`);
      expect(one.body).toMatchObject({ id: ids[0], integrationId: id });
      expect((await viewer.get('/api/v1/accounts/DA_NOT_THERE')).body).toMatchObject({
        status: 404,
        code: 'COMMON.NOT_FOUND',
      });

      const csv = await viewer.get('/api/v1/accounts?format=csv');
      const lines = csv.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe('id,integrationId,name,edition,seats,syncStatus,behindMs,lastSyncAt,lastError,removed');
      expect(lines).toHaveLength(4);
    } finally {
      events.close();
    }
  });

  it('gets, renames, syncs and deletes an integration; conflicts and unknown ids are problems', async () => {
    const list = await viewer.get<Page<IntegrationView>>('/api/v1/integrations');
    const integration = list.body.items[0];
    if (!integration) throw new Error('no integration');
    expect(Object.keys(integration)).not.toContain('secretKey');
    expect((await viewer.get<IntegrationView>(`/api/v1/integrations/${integration.id}`)).body.name).toBe('MSP parent');

    const renamed = await api.patch<{ integration: IntegrationView }>(`/api/v1/integrations/${integration.id}`, {
      name: 'Renamed MSP',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.integration.name).toBe('Renamed MSP');
    expect((await api.patch(`/api/v1/integrations/${integration.id}`, {})).body).toMatchObject({ status: 400 });
    expect((await api.patch(`/api/v1/integrations/${integration.id}`, { secretKey: 'short' })).body).toMatchObject({
      status: 400,
      errors: [{ path: 'body.secretKey' }],
    });

    expect((await api.post(`/api/v1/integrations/${integration.id}/sync`)).status).toBe(202);
    expect((await api.post('/api/v1/integrations', accountsInput())).body).toMatchObject({
      status: 409,
      code: 'COMMON.CONFLICT',
    });
    expect((await api.get('/api/v1/integrations/int_missing')).body).toMatchObject({
      status: 404,
      code: 'COMMON.NOT_FOUND',
    });
    expect((await api.post('/api/v1/integrations/int_missing/sync')).body).toMatchObject({ status: 404 });

    const wrongSecret = {
      name: 'Bad keys',
      kind: 'admin',
      apiHostname: sim.url,
      integrationKey: sim.info.accounts[0]?.adminApi.ikey ?? '',
      secretKey: 'x'.repeat(40),
    };
    const refused = await api.post<{ integration: IntegrationView; validation: ValidationReport }>(
      '/api/v1/integrations',
      wrongSecret,
    );
    expect(refused.status).toBe(201);
    expect(refused.body.validation.ok).toBe(false);
    expect(refused.body.validation.error?.code).toBe('CONNECTOR.DUO_UNAUTHORIZED');
    expect(refused.body.integration.status).toBe('error');
    expect((await api.delete(`/api/v1/integrations/${refused.body.integration.id}`)).body).toEqual({ deleted: true });
    expect((await api.get(`/api/v1/integrations/${refused.body.integration.id}`)).status).toBe(404);
  });

  it('never puts a Duo secret or an API key in a response or a log line', async () => {
    const everything = [
      await api.get('/api/v1/integrations?format=csv'),
      await api.get('/api/v1/integrations'),
      await api.get('/api/v1/accounts'),
    ];
    for (const res of everything) expect(res.text).not.toContain(sim.info.accountsApi.skey);
    const logs = gateway.logs();
    expect(logs).toContain('"route":"/api/v1/integrations"');
    for (const secret of [sim.info.accountsApi.skey, ADMIN_KEY, viewer.key ?? '', 'x'.repeat(40)]) {
      expect(logs).not.toContain(secret);
    }
    expect(stack.upstream('duo-connector').output()).not.toContain(sim.info.accountsApi.skey);
  });

  it('answers 503 once the connector is gone', async () => {
    await stopUpstream(stack.upstream('duo-connector'));
    const res = await viewer.get('/api/v1/integrations');
    expect(res.body).toMatchObject({ status: 503, code: 'COMMON.UPSTREAM_UNAVAILABLE' });
  });
});
