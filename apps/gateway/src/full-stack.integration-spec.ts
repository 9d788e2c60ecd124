import type { DuoSimulator } from '@seatwise/duo-simulator/server';
import { startPsaSimulator, type PsaSimulator } from '@seatwise/psa-simulator/server';
import { connectWiseInfo } from '@seatwise/psa-simulator/modes/psa-mode';
import type { ActionView, ServiceView, UserView } from '@seatwise/shared/contracts/discovery-views';
import {
  DUO_SKUS,
  type AccountMappingView,
  type PsaConnectionView,
  type PsaProductView,
  type ReconciliationRowView,
  type ServiceMappingView,
  type SyncRunView,
} from '@seatwise/shared/contracts/reconcile-views';
import { type ErrorCode, errorSpec } from '@seatwise/shared/errors/error-catalog';
import { waitFor } from '@seatwise/testing/wait';
import type { TestGateway } from './__fixtures__/gateway-fixture';
import type { Http } from './__fixtures__/http-client';
import { allItems } from './__fixtures__/pages';
import { openSse, type SseStream } from './__fixtures__/sse-client';
import { type Stack, startStack } from './__fixtures__/stack';

const ADMIN_KEY = `boot-${'s'.repeat(40)}`;
const SEED = 'gateway-stack';
const ACCOUNTS = 3;
const USERS = 8;

// Every discovery and reconcile route over HTTP, through the real services (processes) fed by the Duo
// and ConnectWise simulators.
describe('gateway → connector, discovery, reconcile', () => {
  let psa: PsaSimulator;
  const cwInfo = () => connectWiseInfo(psa.info);
  let stack: Stack;
  let duo: DuoSimulator;
  let gateway: TestGateway;
  let api: Http;
  let viewer: Http;
  let rowEvents: SseStream;
  let accountId: string;

  beforeAll(async () => {
    psa = await startPsaSimulator({
      seed: SEED,
      duoPairing: { seed: SEED, accounts: ACCOUNTS, usersPerAccount: USERS, exactShare: 1, nearShare: 0 },
      rateLimits: false,
    });
    stack = await startStack({
      adminKey: ADMIN_KEY,
      duo: { seed: SEED, accounts: ACCOUNTS, usersPerAccount: USERS, events: 400, apps: 6 },
      simulators: [psa.url],
      upstreams: {
        'duo-connector': {},
        discovery: {},
        reconcile: {
          SEATWISE_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
          RECONCILE_PSA_RETRY_BASE_MS: '5',
          RECONCILE_PSA_TIMEOUT_MS: '5000',
        },
      },
      ready: {
        paths: ['/api/v1/integrations', '/api/v1/discovery/summary', '/api/v1/psa/connections'],
        timeoutMs: 60_000,
      },
    });
    ({ duo, gateway, api, viewer } = stack);
    rowEvents = await openSse(`${gateway.url}/api/v1/events?types=reconcile.reconciliation.updated`, viewer.key ?? '');
    const created = await api.post('/api/v1/integrations', {
      name: 'MSP',
      kind: 'accounts',
      apiHostname: duo.url,
      integrationKey: duo.info.accountsApi.ikey,
      secretKey: duo.info.accountsApi.skey,
    });
    expect(created.status).toBe(201);
    accountId = duo.info.accounts[0]?.account_id ?? '';
  });

  afterAll(async () => {
    rowEvents.close();
    await stack.stop();
    await psa.close();
  });

  it("lists an account's services page by page to the end, with details, users and CSV", async () => {
    const appsOf = (duo.truth().accounts.find((a) => a.account_id === accountId)?.applications ?? []).filter(
      (app) => app.events > 0,
    ).length;
    await waitFor(
      async () =>
        (await allItems<ServiceView>(viewer, `/api/v1/services?accountId=${accountId}`, 200)).length >= appsOf &&
        appsOf > 0,
      { timeoutMs: 60_000, description: 'services discovered' },
    );
    const paged = await allItems<ServiceView>(viewer, `/api/v1/services?accountId=${accountId}&sort=name`, 2);
    expect(paged.map((s) => s.name)).toEqual([...paged.map((s) => s.name)].sort());
    expect(new Set(paged.map((s) => s.id)).size).toBe(paged.length);
    const first = paged[0];
    if (!first) throw new Error('no service');
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'id',
        'accountId',
        'applicationKey',
        'name',
        'userCount',
        'authCount',
        'firstSeen',
        'lastSeen',
        'status',
        'catalog',
      ]),
    );
    const detail = await viewer.get<{ activeUsers: unknown }>(`/api/v1/services/${encodeURIComponent(first.id)}`);
    expect(detail.status).toBe(200);
    expect(detail.body.activeUsers).toBeDefined();
    const users = await allItems<{ userId: string }>(
      viewer,
      `/api/v1/services/${encodeURIComponent(first.id)}/users`,
      3,
    );
    expect(users).toHaveLength(first.userCount);
    const csv = await viewer.get(`/api/v1/services?accountId=${accountId}`, { headers: { accept: 'text/csv' } });
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(paged.length + 1);
    expect((await viewer.get(`/api/v1/services/${encodeURIComponent(`${accountId}.NOPE`)}`)).body).toMatchObject({
      status: 404,
    });
    expect((await viewer.get('/api/v1/services')).body).toMatchObject({
      status: 400,
      errors: [{ path: 'query.accountId' }],
    });
    expect((await viewer.get(`/api/v1/services?accountId=${accountId}&matched=yes`)).body).toMatchObject({
      status: 400,
      errors: [{ path: 'query.matched' }],
    });
  });

  it('lists users and what they use', async () => {
    const users = await allItems<UserView>(viewer, `/api/v1/users?accountId=${accountId}`, 3);
    expect(users.length).toBeGreaterThan(0);
    const active = users.find((u) => u.serviceCount > 0);
    if (!active) throw new Error('no active user');
    expect((await viewer.get<UserView>(`/api/v1/users/${encodeURIComponent(active.id)}`)).body.id).toBe(active.id);
    expect(await allItems(viewer, `/api/v1/users/${encodeURIComponent(active.id)}/services`, 1)).toHaveLength(
      active.serviceCount,
    );
  });

  it('records match, merge and ignore with the API key as actor; viewers may not', async () => {
    const services = await allItems<ServiceView>(viewer, `/api/v1/services?accountId=${accountId}`, 200);
    const [a, b, c] = services;
    if (!a || !b || !c) throw new Error('need three services');
    expect((await viewer.post(`/api/v1/services/${encodeURIComponent(a.id)}/ignore`, {})).body).toMatchObject({
      status: 403,
    });
    expect(
      (await api.post<ServiceView>(`/api/v1/services/${encodeURIComponent(a.id)}/ignore`, { note: 'not ours' })).body
        .status,
    ).toBe('ignored');
    const catalog = await viewer.get<{ items: { id: string }[] }>('/api/v1/catalog?q=a&limit=5');
    const product = catalog.body.items[0];
    if (!product) throw new Error('empty catalog');
    expect(
      (await api.post<ServiceView>(`/api/v1/services/${encodeURIComponent(b.id)}/match`, { productId: product.id }))
        .body.catalog,
    ).toMatchObject({ productId: product.id, method: 'manual' });
    expect(
      (await api.post<ServiceView>(`/api/v1/services/${encodeURIComponent(c.id)}/merge`, { intoId: b.id })).body
        .mergedInto,
    ).toBe(b.id);
    expect(
      (await api.post(`/api/v1/services/${encodeURIComponent(c.id)}/merge`, { intoId: b.id, actor: 'someone else' }))
        .body,
    ).toMatchObject({ status: 400 });
    const actions = await allItems<ActionView>(
      viewer,
      `/api/v1/discovery/actions?accountId=${accountId}&automatic=false`,
      2,
    );
    expect(actions.map((x) => x.action).sort()).toEqual(['ignore', 'match', 'merge']);
    for (const action of actions) expect(action.actor).toContain('bootstrap-admin');
  });

  it("answers discovery's refusals and an unreadable body with their catalog status and code", async () => {
    const services = await allItems<ServiceView>(
      viewer,
      `/api/v1/services?accountId=${accountId}&includeMerged=true`,
      200,
    );
    const merged = services.find((s) => s.mergedInto !== null);
    const target = services.find((s) => s.id === merged?.mergedInto);
    const other = services.find((s) => s.mergedInto === null && s.id !== target?.id);
    if (!merged || !target || !other) throw new Error('need a merged service, its target and another');
    const path = (id: string, command: string): string => `/api/v1/services/${encodeURIComponent(id)}/${command}`;
    const cases: [() => Promise<{ status: number; headers: Headers; body: unknown }>, number, ErrorCode][] = [
      [() => api.post(path(other.id, 'match'), { productId: 'no-such-product' }), 404, 'DISCOVERY.PRODUCT.NOT_FOUND'],
      [() => api.post(path(other.id, 'merge'), { intoId: other.id }), 400, 'DISCOVERY.MERGE.INVALID'],
      // Into a service that is itself merged, and a service others are merged into.
      [() => api.post(path(other.id, 'merge'), { intoId: merged.id }), 409, 'DISCOVERY.MERGE.INVALID_STATE'],
      [() => api.post(path(target.id, 'merge'), { intoId: other.id }), 409, 'DISCOVERY.MERGE.INVALID_STATE'],
      // Declared gzip, sent plain: the body parser cannot inflate it.
      [
        () =>
          api.post(path(other.id, 'match'), undefined, {
            rawBody: '{"productId":"x"}',
            headers: { 'content-encoding': 'gzip' },
          }),
        400,
        'HTTP.BAD_REQUEST',
      ],
    ];
    for (const [send, status, code] of cases) {
      const res = await send();
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect({ status: res.status, body: res.body }).toMatchObject({
        status,
        body: { status, code, title: errorSpec(code).title },
      });
    }
    // Refused commands change nothing.
    const after = await viewer.get<ServiceView>(`/api/v1/services/${encodeURIComponent(other.id)}`);
    expect(after.body).toMatchObject({ id: other.id, mergedInto: null });
  });

  it('connects ConnectWise without ever returning its private key, and lists its data', async () => {
    const input = {
      name: 'CW',
      kind: 'connectwise',
      siteUrl: psa.url,
      companyId: cwInfo().companyId,
      publicKey: cwInfo().publicKey,
      privateKey: cwInfo().privateKey,
      clientId: cwInfo().clientId,
    };
    const created = await api.post<PsaConnectionView>('/api/v1/psa/connections', input);
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(cwInfo().privateKey);
    const bad = await api.post('/api/v1/psa/connections', { ...input, name: 'Wrong', privateKey: 'wrong-key' });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect(bad.text).not.toContain('wrong-key');
    // A sync writes companies before products: wait for both (CI once read products between the two).
    const products = `/api/v1/psa/products?connectionId=${created.body.id}`;
    await waitFor(
      async () =>
        (await allItems(viewer, '/api/v1/psa/companies', 200)).length >= ACCOUNTS &&
        (await allItems<PsaProductView>(viewer, products, 3)).length > 0,
      { timeoutMs: 60_000, description: 'PSA companies and products synced' },
    );
    const runs = await allItems<SyncRunView>(viewer, '/api/v1/sync-runs', 1);
    expect(runs.length).toBeGreaterThan(0);
    expect((await viewer.get<SyncRunView>(`/api/v1/sync-runs/${runs[0]?.id ?? ''}`)).body.id).toBe(runs[0]?.id);
    expect((await api.post('/api/v1/sync-runs', { connectionId: created.body.id, kind: 'quick' })).status).toBe(202);
    expect((await viewer.get('/api/v1/psa/connections?format=csv')).text).not.toContain(cwInfo().privateKey);
  });

  it('maps accounts and SKUs, reconciles, streams row changes, and approves, dismisses and resets rows', async () => {
    const products = await allItems<PsaProductView>(viewer, '/api/v1/psa/products', 200);
    const skus = await allItems<ServiceMappingView>(viewer, '/api/v1/mappings/services', 2);
    expect(skus.map((s) => s.sku).sort()).toEqual([...DUO_SKUS].sort());
    for (const sku of skus) {
      // The simulator's catalog sells every Duo SKU as DUO-<SKU>.
      const product = products.find((p) => p.identifier === `DUO-${sku.sku.toUpperCase()}`);
      if (!product) throw new Error(`no PSA product for ${sku.sku}`);
      expect(
        (await api.post<ServiceMappingView>(`/api/v1/mappings/services/${sku.sku}/map`, { productId: product.id })).body
          .state,
      ).toBe('mapped');
    }
    await waitFor(
      async () => (await allItems<AccountMappingView>(viewer, '/api/v1/mappings/accounts', 200)).length >= ACCOUNTS,
      { timeoutMs: 60_000, description: 'accounts known to reconcile' },
    );
    const mappings = await allItems<AccountMappingView>(viewer, '/api/v1/mappings/accounts', 1);
    for (const m of mappings.filter((x) => x.state === 'unmapped')) {
      const best = m.suggestions[0];
      if (best) await api.post(`/api/v1/mappings/accounts/${m.accountId}/map`, { psaCompanyId: best.psaCompanyId });
    }
    const rows = await waitFor(
      async () => {
        const res = await viewer.get<{ items: ReconciliationRowView[] }>('/api/v1/reconciliation?limit=200');
        return res.status === 200 && res.body.items.length > 0 ? res.body.items : null;
      },
      { timeoutMs: 60_000, description: 'reconciliation rows' },
    );
    const row =
      rows.find((r) => r.state === 'pending' && r.type !== 'unmapped' && r.delta !== 0) ??
      rows.find((r) => r.state === 'pending');
    if (!row) throw new Error('no pending row');
    const event = await rowEvents.next((e) => e.event === 'reconcile.reconciliation.updated');
    expect(event.data).toMatchObject({ rowId: expect.any(String) as string, revision: expect.any(Number) as number });

    expect((await viewer.post('/api/v1/reconciliation/dismiss', { ids: [row.id] })).body).toMatchObject({
      status: 403,
    });
    expect((await api.post('/api/v1/reconciliation/dismiss', { ids: [] })).body).toMatchObject({
      status: 400,
      errors: [{ path: 'body.ids' }],
    });
    const dismissed = await api.post<{ items: ReconciliationRowView[] }>('/api/v1/reconciliation/dismiss', {
      ids: [row.id],
      note: 'later',
    });
    expect(dismissed.body.items[0]?.state).toBe('dismissed');
    expect((await api.post('/api/v1/reconciliation/dismiss', { ids: [row.id] })).body).toMatchObject({ status: 409 });
    expect(
      (await api.post<{ items: ReconciliationRowView[] }>('/api/v1/reconciliation/reset', { ids: [row.id] })).body
        .items[0]?.state,
    ).toBe('pending');
    const streamed = await rowEvents.next(
      (e) =>
        (e.data as { rowId?: string; state?: string }).rowId === row.id &&
        (e.data as { state?: string }).state === 'dismissed',
    );
    expect(streamed.event).toBe('reconcile.reconciliation.updated');
    if (row.type !== 'unmapped') {
      const approved = await api.post<{ items: ReconciliationRowView[] }>('/api/v1/reconciliation/approve', {
        ids: [row.id],
        effectiveDate: new Date().toISOString(),
      });
      expect(approved.status).toBe(200);
      expect(['approved', 'applied', 'failed']).toContain(approved.body.items[0]?.state);
    }
    expect((await viewer.get<ReconciliationRowView>(`/api/v1/reconciliation/${row.id}`)).body.id).toBe(row.id);
    const audit = await allItems<{ actor: string; action: string }>(viewer, '/api/v1/audit', 5);
    expect(audit.some((e) => e.actor.includes('bootstrap-admin'))).toBe(true);
    const csv = await viewer.get('/api/v1/reconciliation?format=csv');
    expect(csv.text.split('\r\n')[0]).toContain(
      'id,accountId,accountName,psaCompanyId,sku,productId,vendorQuantity,psaQuantity,delta,type,state',
    );
    expect((await viewer.get('/api/v1/reconciliation?state=bogus')).body).toMatchObject({ status: 400 });
    expect((await viewer.get(`/api/v1/accounts/${accountId}/history`)).status).toBe(200);
  });

  it('reads, changes and deletes PSA connections, imports JSON, and unmaps and excludes accounts and SKUs', async () => {
    const connections = await allItems<PsaConnectionView>(viewer, '/api/v1/psa/connections', 5);
    const cw = connections.find((c) => c.kind === 'connectwise' && c.name === 'CW');
    if (!cw) throw new Error('no ConnectWise connection');
    const one = await viewer.get<PsaConnectionView>(`/api/v1/psa/connections/${cw.id}`);
    expect(one.body).toMatchObject({ id: cw.id, companyId: cwInfo().companyId, publicKey: cwInfo().publicKey });
    expect(one.text).not.toContain(cwInfo().privateKey);
    expect((await viewer.patch(`/api/v1/psa/connections/${cw.id}`, { name: 'nope' })).body).toMatchObject({
      status: 403,
    });
    expect((await api.patch(`/api/v1/psa/connections/${cw.id}`, {})).body).toMatchObject({ status: 400 });
    const renamed = await api.patch<PsaConnectionView>(`/api/v1/psa/connections/${cw.id}`, {
      name: 'CW main',
      note: 'rename',
    });
    expect(renamed.body).toMatchObject({ id: cw.id, name: 'CW main' });
    const wrongKey = await api.patch(`/api/v1/psa/connections/${cw.id}`, { privateKey: 'wrong-private-key' });
    expect(wrongKey.status).toBeGreaterThanOrEqual(400);
    expect(wrongKey.status).toBeLessThan(500);
    expect(wrongKey.text).not.toContain('wrong-private-key');
    expect((await viewer.get<PsaConnectionView>(`/api/v1/psa/connections/${cw.id}`)).body.name).toBe('CW main');
    // Moving the connection (site, company, client id) without the private key again is refused before any call:
    // the stored key is never sent to a new destination.
    for (const move of [
      { siteUrl: psa.url.replace('127.0.0.1', 'localhost') },
      { companyId: 'other-company' },
      { clientId: 'other' },
    ]) {
      const moved = await api.patch(`/api/v1/psa/connections/${cw.id}`, move);
      expect(moved.body).toMatchObject({ status: 400, code: 'RECONCILE.CONNECTION_SECRET_REQUIRED' });
    }
    // Every attempt that reached reconcile is in the audit log with its actor and outcome, refused ones with their
    // code (the empty PATCH was refused by the gateway's own validation and never reached it).
    const attempts = await allItems<{ actor: string; details: { outcome?: string; code?: string } }>(
      viewer,
      `/api/v1/audit?action=connection.update&targetId=${cw.id}`,
      50,
    );
    const outcomes = attempts.map((e) => `${e.details.outcome ?? ''} ${e.details.code ?? ''}`.trim());
    expect(outcomes.sort()).toEqual(
      [
        'applied',
        'refused RECONCILE.PSA_CREDENTIALS_INVALID',
        ...Array<string>(3).fill('refused RECONCILE.CONNECTION_SECRET_REQUIRED'),
      ].sort(),
    );
    expect(attempts.every((e) => e.actor.includes('bootstrap-admin'))).toBe(true);

    const data = {
      name: 'Spreadsheet',
      companies: [{ id: 'c1', name: 'Acme Imports' }],
      products: [{ id: 'p1', name: 'Duo MFA', identifier: 'DUO-X' }],
      agreementLines: [{ companyId: 'c1', productId: 'p1', quantity: 5 }],
    };
    expect((await viewer.post('/api/v1/psa/import', data)).body).toMatchObject({ status: 403 });
    const imported = await api.post<{ connection: PsaConnectionView; counts: Record<string, number> }>(
      '/api/v1/psa/import',
      data,
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      connection: { kind: 'import', name: 'Spreadsheet' },
      counts: { companies: 1, products: 1, agreementLines: 1 },
    });
    const importId = imported.body.connection.id;
    const again = await api.post<{ counts: Record<string, number> }>('/api/v1/psa/import', {
      ...data,
      connectionId: importId,
      companies: [...data.companies, { id: 'c2', name: 'Beta Imports' }],
    });
    expect(again.body.counts).toEqual({ companies: 2, products: 1, agreementLines: 1 });
    const companies = await allItems<{ name: string }>(viewer, `/api/v1/psa/companies?connectionId=${importId}`, 1);
    expect(companies.map((c) => c.name).sort()).toEqual(['Acme Imports', 'Beta Imports']);
    expect(
      (
        await api.post('/api/v1/psa/import', {
          ...data,
          agreementLines: [{ companyId: 'c1', productId: 'p1', quantity: -1 }],
        })
      ).body,
    ).toMatchObject({ status: 400 });
    expect((await viewer.delete(`/api/v1/psa/connections/${importId}`)).body).toMatchObject({ status: 403 });
    expect((await api.delete(`/api/v1/psa/connections/${importId}`)).body).toEqual({ deleted: true });
    expect((await viewer.get(`/api/v1/psa/connections/${importId}`)).body).toMatchObject({ status: 404 });
    expect(await allItems(viewer, `/api/v1/psa/companies?connectionId=${importId}`, 5)).toHaveLength(0);

    const mapped = (await allItems<AccountMappingView>(viewer, '/api/v1/mappings/accounts', 200)).find(
      (m) => m.state === 'mapped',
    );
    if (!mapped) throw new Error('no mapped account');
    const accountPath = `/api/v1/mappings/accounts/${mapped.accountId}`;
    expect((await viewer.post(`${accountPath}/unmap`, {})).body).toMatchObject({ status: 403 });
    expect((await api.post<AccountMappingView>(`${accountPath}/unmap`, { note: 'wrong company' })).body).toMatchObject({
      state: 'unmapped',
      psaCompanyId: null,
    });
    expect((await api.post<AccountMappingView>(`${accountPath}/exclude`, { note: 'internal tenant' })).body.state).toBe(
      'excluded',
    );
    expect((await api.post<AccountMappingView>(`${accountPath}/unmap`, {})).body.state).toBe('unmapped');
    expect((await api.post('/api/v1/mappings/accounts/DANOSUCHACCOUNT01/exclude', {})).body).toMatchObject({
      status: 404,
    });

    expect(
      (await api.post<ServiceMappingView>('/api/v1/mappings/services/Free/exclude', { note: 'not billed' })).body,
    ).toMatchObject({ sku: 'Free', state: 'excluded' });
    expect((await api.post<ServiceMappingView>('/api/v1/mappings/services/Free/unmap', {})).body).toMatchObject({
      sku: 'Free',
      state: 'unmapped',
      productId: null,
    });
    expect((await viewer.post('/api/v1/mappings/services/Free/exclude', {})).body).toMatchObject({ status: 403 });
    expect((await api.post('/api/v1/mappings/services/Platinum/exclude', {})).body).toMatchObject({
      status: 400,
      errors: [{ path: 'params.sku' }],
    });
  });

  it('keeps every integration change, applied or refused, in the audit log with its actor', async () => {
    const [integration] = await allItems<{ id: string }>(api, '/api/v1/integrations', 5);
    if (!integration) throw new Error('no integration');
    expect((await api.post(`/api/v1/integrations/${integration.id}/sync`, {})).status).toBe(202);
    expect((await api.delete('/api/v1/integrations/int_doesnotexist')).body).toMatchObject({ status: 404 });
    const entries = await waitFor(
      async () => {
        const all = await allItems<{ actor: string; action: string; targetId: string; details: { outcome?: string } }>(
          viewer,
          '/api/v1/audit',
          200,
        );
        const mine = all.filter((e) => e.action.startsWith('integration.'));
        return mine.length >= 3 ? mine : null;
      },
      { description: 'integration changes in the audit log', timeoutMs: 30_000 },
    );
    const summary = entries.map((e) => [e.action, e.targetId, e.details.outcome, e.actor]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['integration.create', integration.id, 'applied', expect.stringContaining('bootstrap-admin')],
        ['integration.sync-now', integration.id, 'applied', expect.stringContaining('bootstrap-admin')],
        ['integration.delete', 'int_doesnotexist', 'refused', expect.stringContaining('bootstrap-admin')],
      ]),
    );
    // The secret key is named among the fields set, never shown.
    expect(JSON.stringify(entries)).not.toContain(duo.info.accountsApi.skey);
  });

  it('never puts a Duo secret, PSA private key or API key in a log line', () => {
    const logs = gateway.logs();
    for (const secret of [duo.info.accountsApi.skey, cwInfo().privateKey, ADMIN_KEY, viewer.key ?? '']) {
      expect(logs).not.toContain(secret);
    }
  });
});
