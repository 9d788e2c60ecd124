import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailpitClient } from '@seatwise/testing/mailpit';
import { waitFor } from '@seatwise/testing/wait';
import { RECONCILIATION_TYPES } from '@seatwise/shared/contracts/reconcile-events';
import { DUO_SKUS, UNKNOWN_SKU } from '@seatwise/shared/contracts/reconcile-views';
import { repoRoot } from '../config/paths';
import { startStackProcess, type StackProcess } from '../__e2e__/stack-process';
import { DEMO_MAILBOX } from './demo-alerts';
import { allPages, SeatwiseApi } from './seatwise-api';
import { duoSimInfoSchema, fetchSimInfo } from './sim-info';

// `npm run stack` with the demo on (its default 5 accounts, a smaller history): what the seeding leaves for a new
// user to look at, read only through the gateway's HTTP API.
const root = repoRoot(__dirname);
const dir = mkdtempSync(join(tmpdir(), 'seatwise-demo-'));
const long = { timeoutMs: 240_000, intervalMs: 2_000 };
let stack: StackProcess | null = null;
let api: SeatwiseApi;

const env: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  HOME: process.env['HOME'],
  ...(process.env['SEATWISE_CACHE_DIR'] ? { SEATWISE_CACHE_DIR: process.env['SEATWISE_CACHE_DIR'] } : {}),
  NO_COLOR: '1',
  LOG_LEVEL: 'warn',
  SEATWISE_DEMO: 'on',
  SEATWISE_DEMO_USERS: '20',
  SEATWISE_DEMO_EVENTS: '2000',
  SEATWISE_DEMO_LIVE: 'off',
  ...Object.fromEntries(
    [
      'GATEWAY',
      'CONNECTOR',
      'DISCOVERY',
      'RECONCILE',
      'ALERTS',
      'DUO_SIM',
      'PSA_SIM',
      'NATS',
      'MONGO',
      'MAILPIT_SMTP',
      'MAILPIT_HTTP',
    ].map((name) => [`SEATWISE_${name}_PORT`, '0']),
  ),
};

beforeAll(async () => {
  stack = await startStackProcess(root, dir, env, 180_000);
  api = new SeatwiseApi(stack.file.gatewayUrl, stack.file.adminApiKey);
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// On failure, the stack's last lines (the demo's among them) say how far the seeding got.
async function step<T>(what: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw new Error(
      `${what}: ${error instanceof Error ? error.message : String(error)}\n--- stack output ---\n${stack?.output() ?? ''}`,
      { cause: error },
    );
  }
}

describe('the demo (npm run stack, demo on)', () => {
  it('leaves every kind of reconciliation row, a near name to decide, a warning and services to curate', async () => {
    const rows = await step('every row type', () =>
      waitFor(
        async () => {
          const all = await allPages((cursor) => api.listReconciliation({ cursor }));
          const types = new Set(all.map((r) => r.type));
          return RECONCILIATION_TYPES.every((t) => types.has(t)) ? all : null;
        },
        { ...long, description: 'a reconciliation row of every type' },
      ),
    );
    const waiting = (await allPages((cursor) => api.listAccountMappings(cursor))).filter((m) => m.state === 'unmapped');
    expect(waiting).toHaveLength(1);
    // Unmapped rows: the account whose edition Duo does not expose (its seats cannot meet a SKU), and the account
    // still waiting for its company (its seats are in the review all the same, as money at risk).
    const unmapped = rows.filter((r) => r.type === 'unmapped');
    expect(unmapped.map((r) => r.sku)).toContain(UNKNOWN_SKU);
    expect(unmapped.filter((r) => r.sku !== UNKNOWN_SKU).map((r) => r.accountId)).toEqual([waiting[0]?.accountId]);

    const services = (await api.listServiceMappings()).items;
    expect(services.filter((s) => s.state === 'mapped').map((s) => s.sku)).toEqual(
      expect.arrayContaining([...DUO_SKUS]),
    );

    const suggestion = waiting[0]?.suggestions[0];
    expect(suggestion?.name).not.toBe(waiting[0]?.accountName);
    expect(suggestion?.score).toBeGreaterThan(0.8);

    const integrations = await step('the restricted integration', () =>
      waitFor(
        async () => {
          const items = (await api.listIntegrations()).items;
          return items.length === 2 && items.some((i) => i.kind === 'accounts' && i.status === 'connected')
            ? items
            : null;
        },
        { ...long, description: 'both Duo integrations' },
      ),
    );
    expect(integrations.find((i) => i.kind === 'admin')).toMatchObject({
      status: 'error',
      syncStatus: 'error',
      lastError: { code: 'CONNECTOR.DUO_FORBIDDEN', message: expect.stringContaining('readResource') as unknown },
    });

    const duo = await fetchSimInfo(stack!.file.duoSimulatorUrl, duoSimInfoSchema);
    const first = duo.accounts[0]?.account_id ?? '';
    const inventory = await step('matched and unmatched services', () =>
      waitFor(
        async () => {
          const all = await allPages((cursor) => api.listServices(first, cursor));
          return all.some((s) => s.catalog === null) && all.some((s) => s.catalog !== null) ? all : null;
        },
        { ...long, description: `catalog-matched and unmatched services of ${first}` },
      ),
    );
    expect(inventory.length).toBeGreaterThan(2);
  });

  it("emails its alerts to the stack's Mailpit: the restricted integration's refused credentials among them", async () => {
    const inbox = new MailpitClient(stack!.file.mailInboxUrl.replace(/\/$/, ''));
    const messages = await step('alert emails in Mailpit', () =>
      inbox.awaitMessages(`to:"${DEMO_MAILBOX}" subject:"rejected the credentials"`, 1, long.timeoutMs),
    );
    expect(messages[0]?.Subject).toMatch(/^\[Seatwise\] Alert: Duo rejected the credentials for account /);
    expect(messages[0]?.Text).toContain('CONNECTOR.DUO_FORBIDDEN');
  });
});
