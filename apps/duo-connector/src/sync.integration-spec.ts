import type { DuoAccountSnapshotEvent, DuoUserSnapshotCompleteEvent } from '@seatwise/shared/contracts/duo-events';
import type { IntegrationSyncStatusEvent } from '@seatwise/shared/contracts/integration-events';
import { waitFor } from '@seatwise/testing/wait';
import {
  adminIntegration,
  type ConnectorRun,
  expectEveryAuthEventOnce,
  mspIntegration,
  startConnectorRun,
  stopRun,
  truthByAccount,
} from './__fixtures__/connector-fixture';

const EVENTS = 50_000;

// The acceptance check: every auth event exactly once per account, users + markers, account snapshots.
async function expectCompleteSync(r: ConnectorRun): Promise<void> {
  const truth = r.sim.truth();
  const total = truth.accounts.reduce((n, a) => n + a.auth_events, 0);
  expect(total).toBe(EVENTS);
  await waitFor(async () => (await r.streamCount('DUO_AUTHLOGS')) >= total, {
    timeoutMs: 180_000,
    intervalMs: 500,
    description: `${total} auth events`,
  });
  await expectEveryAuthEventOnce(r);
  const byAccount = truthByAccount(truth);

  const usersTotal = truth.accounts.reduce((n, a) => n + a.users, 0);
  await waitFor(async () => (await r.streamCount('DUO_ACCOUNTS')) >= 3, {
    timeoutMs: 60_000,
    description: 'account snapshots',
  });
  const userStream = await r.readStream<{ accountId: string; snapshotId?: string; userCount?: number }>('DUO_USERS');
  const markers = userStream.filter((m): m is DuoUserSnapshotCompleteEvent => m.userCount !== undefined);
  expect(markers.map((m) => [m.accountId, m.userCount]).sort()).toEqual(
    [...byAccount].map(([id, a]) => [id, a.users]).sort(),
  );
  expect(userStream.length - markers.length).toBe(usersTotal);

  const snapshots = await r.readStream<DuoAccountSnapshotEvent>('DUO_ACCOUNTS');
  for (const [accountId, account] of byAccount) {
    expect(snapshots.find((s) => s.accountId === accountId)).toMatchObject({
      name: account.name,
      edition: account.edition,
      userCount: account.users,
      billableSeats: account.billable_seats,
    });
  }
  await waitFor(
    async () => (await r.rpc.request('duo-connector.accounts.list', {})).items.every((a) => a.syncStatus === 'idle'),
    { timeoutMs: 30_000, description: 'all accounts idle' },
  );
}

// A 3-account MSP of EVENTS auth events, with the given faults.
function boot(faults: Parameters<ConnectorRun['sim']['setFaults']>[0] = {}): Promise<ConnectorRun> {
  return startConnectorRun({ seed: 'connector-msp', accounts: 3, events: EVENTS, faults });
}

describe('duo-connector polling a 3-account MSP', () => {
  let r: ConnectorRun | undefined;
  afterEach(() => stopRun(r));

  it('publishes every auth event exactly once, every user, and each account snapshot', async () => {
    r = await boot();
    const created = await r.rpc.request('duo-connector.integrations.create', mspIntegration(r.sim));
    expect(created.validation).toEqual({
      ok: true,
      granted: ['readInformation', 'readLog', 'readResource'],
      missing: [],
      error: null,
      accountsFound: 3,
    });
    // Accounts are listable (and valid) from the moment they are known, before their first snapshot.
    const early = await waitFor(async () => {
      const { items } = await r!.rpc.request('duo-connector.accounts.list', {});
      return items.length === 3 ? items : null;
    });
    expect(early.every((a) => a.edition === null || typeof a.edition === 'string')).toBe(true);
    expect(JSON.stringify(created)).not.toContain(r.sim.info.accountsApi.skey);
    await expectCompleteSync(r);

    const accounts = (await r.rpc.request('duo-connector.accounts.list', {})).items;
    const truth = truthByAccount(r.sim.truth());
    for (const account of accounts) {
      expect(account).toMatchObject({
        integrationId: created.integration.id,
        seats: truth.get(account.id)?.billable_seats,
        removed: false,
      });
    }
    const integration = await r.rpc.request('duo-connector.integrations.get', { id: created.integration.id });
    expect(integration).toMatchObject({ status: 'connected', syncStatus: 'idle', lastError: null });
    const metrics = await (await fetch(`${r.connector.url}/metrics`)).text();
    expect(metrics).toMatch(/seatwise_connector_records_published_total\{account="DA\w+",type="authlog"\} \d+/);
    expect(metrics).toMatch(/seatwise_connector_checkpoint_age_seconds\{account="DA\w+"\} \d+(\.\d+)?/);

    // Status changes went out as events: every account was seen catching up and then idle.
    const statuses = await r.readStream<IntegrationSyncStatusEvent>('INTEGRATIONS');
    for (const accountId of truth.keys()) {
      const mine = statuses.filter((s) => s.accountId === accountId);
      expect(mine.some((s) => s.syncStatus === 'backfilling' || s.syncStatus === 'syncing')).toBe(true);
      expect(mine.at(-1)?.syncStatus).toBe('idle');
      const revisions = mine.map((s) => s.revision);
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    }
    const ofIntegration = statuses.filter((s) => s.accountId === null);
    expect(ofIntegration.at(-1)).toMatchObject({
      integrationId: created.integration.id,
      syncStatus: 'idle',
      error: null,
    });
    expect(ofIntegration.some((s) => s.syncStatus === 'backfilling' || s.syncStatus === 'syncing')).toBe(true);
    await expect(r.rpc.request('duo-connector.integrations.sync-now', { id: created.integration.id })).resolves.toEqual(
      { accepted: true },
    );
    await expect(r.rpc.request('duo-connector.integrations.sync-now', { id: 'int_nope' })).rejects.toMatchObject({
      code: 'COMMON.NOT_FOUND',
    });
  });

  it('publishes the same with 20% 429s and 5% 5xx, malformed and dropped responses', async () => {
    r = await boot({ error429: 0.2, error500: 0.015, error503: 0.01, malformed: 0.01, truncate: 0.005, drop: 0.01 });
    await r.rpc.request('duo-connector.integrations.create', mspIntegration(r.sim)).catch(() => undefined);
    // The probe itself may meet faults; the integration is stored either way and sync-now retries.
    const [integration] = (await r.rpc.request('duo-connector.integrations.list', {})).items;
    expect(integration).toBeDefined();
    await expectCompleteSync(r);
    const metrics = await (await fetch(`${r.connector.url}/metrics`)).text();
    expect(Number(/seatwise_connector_duo_rate_limited_total (\d+)/.exec(metrics)?.[1])).toBeGreaterThan(0);
  });
});

describe('duo-connector refusing bad credentials and bad input', () => {
  let r: ConnectorRun | undefined;
  beforeAll(async () => {
    r = await startConnectorRun({
      seed: 'connector-perms',
      accounts: 1,
      events: 100,
      extraIntegrations: [{ type: 'admin', account: 0, permissions: ['read_information', 'read_resource'] }],
    });
  });
  afterAll(() => stopRun(r));

  it('reports the missing permission by name and marks the integration in error', async () => {
    const limited = adminIntegration(r!.sim, 'No logs', r!.sim.info.extraIntegrations[0]!);
    const created = await r!.rpc.request('duo-connector.integrations.create', limited);
    expect(created.validation).toMatchObject({
      ok: false,
      granted: ['readInformation', 'readResource'],
      missing: ['readLog'],
      error: null,
    });
    expect(created.integration).toMatchObject({
      status: 'error',
      syncStatus: 'error',
      lastError: { code: 'CONNECTOR.DUO_FORBIDDEN', message: 'Missing Duo permissions: readLog' },
    });
  });

  it("reports Duo's code for a wrong secret", async () => {
    const admin = r!.sim.info.accounts[0]!.adminApi;
    const typo = adminIntegration(r!.sim, 'Typo', { ikey: admin.ikey, skey: 'x'.repeat(40) });
    const created = await r!.rpc.request('duo-connector.integrations.create', typo);
    expect(created.validation.error).toMatchObject({ code: 'CONNECTOR.DUO_UNAUTHORIZED', duoCode: 40103 });
    expect(created.integration.status).toBe('error');
  });

  it('answers malformed requests with coded errors and keeps running', async () => {
    await expect(r!.rpc.request('duo-connector.integrations.create', { name: 1 } as never)).rejects.toMatchObject({
      code: 'COMMON.VALIDATION_FAILED',
    });
    const raw = await r!.nc.request(
      `${r!.scope.busPrefix}.rpc.duo-connector.integrations.create`,
      '{"pattern":"duo-connector.integrations.create","data":{"name":"x","kind":"nope"},"id":"1"}',
      { timeout: 5_000 },
    );
    expect(raw.json<{ err: { code: string; fields: { path: string }[] } }>().err).toMatchObject({
      code: 'COMMON.VALIDATION_FAILED',
      fields: expect.arrayContaining([expect.objectContaining({ path: 'kind' })]) as unknown,
    });
    await expect(r!.rpc.request('duo-connector.integrations.get', { id: 'int_missing' })).rejects.toMatchObject({
      code: 'COMMON.NOT_FOUND',
    });
    await expect(r!.rpc.request('duo-connector.integrations.get', { id: 'bad id with spaces' })).rejects.toMatchObject({
      code: 'COMMON.VALIDATION_FAILED',
    });
    const admin = r!.sim.info.accounts[0]!.adminApi;
    await r!.rpc
      .request('duo-connector.integrations.create', adminIntegration(r!.sim, 'Good', admin))
      .catch(() => undefined);
    await expect(
      r!.rpc.request('duo-connector.integrations.create', adminIntegration(r!.sim, 'Again', admin)),
    ).rejects.toMatchObject({ code: 'COMMON.CONFLICT' });
    // An Admin API integration's account is tracked under its integration key; the scrape names it by the
    // integration instead, and never shows the key (the limited integration of the first spec reads users).
    const limitedKey = r!.sim.info.extraIntegrations[0]!.ikey;
    const limited = (await r!.rpc.request('duo-connector.integrations.list', {})).items.find(
      (i) => i.integrationKey === limitedKey,
    );
    const metrics = await waitFor(
      async () => {
        const text = await (await fetch(`${r!.connector.url}/metrics`)).text();
        return text.includes(`account="integration:${limited?.id ?? '?'}"`) ? text : null;
      },
      { description: "the admin integration's account in the metrics", timeoutMs: 30_000 },
    );
    expect(metrics).not.toContain(limitedKey);
    expect(metrics).not.toContain(admin.ikey);
    await expect(r!.rpc.request('duo-connector.health', {})).resolves.toMatchObject({ ready: true });
  });
});
