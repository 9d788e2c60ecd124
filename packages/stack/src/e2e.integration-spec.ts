import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@seatwise/testing/wait';
import { DUO_SKUS, SKU_OF_EDITION } from '@seatwise/shared/contracts/reconcile-views';
import type { DuoEdition } from '@seatwise/shared/contracts/duo-events';
import { repoRoot } from './config/paths';
import { allPages, SeatwiseApi } from './demo/seatwise-api';
import { duoSimInfoSchema, fetchSimInfo, psaSimInfoSchema } from './demo/sim-info';
import { startStackProcess, type StackProcess, stillRunning } from './__e2e__/stack-process';
import { billed, duoTruth, expectedServices, productIdentifierOf, psaTruth, sortServices } from './__e2e__/truths';

// The whole stack as `npm run stack` runs it (processes, demo mode off, free ports, its own dir),
// driven only through the gateway's HTTP API and checked against the simulators' truth.
const ACCOUNTS = 3;
const root = repoRoot(__dirname);
const dir = mkdtempSync(join(tmpdir(), 'seatwise-e2e-'));
const long = { timeoutMs: 150_000, intervalMs: 1_000 };
let stack: StackProcess | null = null;
let api: SeatwiseApi;

const env: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  HOME: process.env['HOME'],
  ...(process.env['SEATWISE_CACHE_DIR'] ? { SEATWISE_CACHE_DIR: process.env['SEATWISE_CACHE_DIR'] } : {}),
  NO_COLOR: '1',
  LOG_LEVEL: 'warn',
  SEATWISE_DEMO: 'off',
  SEATWISE_DEMO_ACCOUNTS: String(ACCOUNTS),
  SEATWISE_DEMO_USERS: '20',
  SEATWISE_DEMO_EVENTS: '3000',
  SEATWISE_DEMO_LIVE: 'off',
  SEATWISE_GATEWAY_PORT: '0',
  SEATWISE_CONNECTOR_PORT: '0',
  SEATWISE_DISCOVERY_PORT: '0',
  SEATWISE_RECONCILE_PORT: '0',
  SEATWISE_ALERTS_PORT: '0',
  SEATWISE_MAILPIT_SMTP_PORT: '0',
  SEATWISE_MAILPIT_HTTP_PORT: '0',
  SEATWISE_DUO_SIM_PORT: '0',
  SEATWISE_PSA_SIM_PORT: '0',
  SEATWISE_NATS_PORT: '0',
  SEATWISE_MONGO_PORT: '0',
};

beforeAll(async () => {
  stack = await startStackProcess(root, dir, env, 180_000);
  api = new SeatwiseApi(stack.file.gatewayUrl, stack.file.adminApiKey);
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// On failure, the stack's last lines say what the services were doing.
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

// Unused seats for N = 30 as the gateway answers them equal the simulator's truth. Both are computed "now": a user
// whose last success crosses the 30-day line between the two reads differs once, so it is read again until equal.
async function expectUnusedSeats(duoUrl: string, accountId: string): Promise<void> {
  const expectedOf = async () => {
    const unused = (await duoTruth(duoUrl)).accounts.find((a) => a.account_id === accountId)?.unused_seats;
    if (!unused) throw new Error(`no truth for ${accountId}`);
    return {
      unusedAfterDays: unused.after_days,
      neverEnrolled: unused.never_enrolled,
      deniedOnly: unused.denied_only,
      inactive: unused.inactive,
      reclaimable: unused.never_enrolled + unused.denied_only + unused.inactive,
    };
  };
  const seen = async () => {
    const [seats] = (await api.seats(accountId)).items;
    return {
      unusedAfterDays: seats?.unusedAfterDays,
      neverEnrolled: seats?.neverEnrolled,
      deniedOnly: seats?.deniedOnly,
      inactive: seats?.inactive,
      reclaimable: seats?.reclaimable,
    };
  };
  const last = { seen: {}, expected: {} };
  // On a timeout the comparison below shows the last difference.
  await waitFor(
    async () => {
      [last.seen, last.expected] = await Promise.all([seen(), expectedOf()]);
      return JSON.stringify(last.seen) === JSON.stringify(last.expected);
    },
    { timeoutMs: 20_000, description: `unused seats of ${accountId} equal to the truth` },
  ).catch(() => undefined);
  expect(last.seen).toEqual(last.expected);
}

describe('the stack end to end (npm run stack, demo off)', () => {
  it('discovers Duo, reconciles it against ConnectWise, pushes the approved fix, and stops leaving nothing behind', async () => {
    const urls = stack!.file;
    const duo = await fetchSimInfo(urls.duoSimulatorUrl, duoSimInfoSchema);
    const duoTruthNow = await duoTruth(urls.duoSimulatorUrl);
    expect(duoTruthNow.accounts).toHaveLength(ACCOUNTS);

    const { integration, validation } = await step('create the Duo integration', () =>
      api.createIntegration({
        name: 'MSP',
        kind: 'accounts',
        apiHostname: urls.duoSimulatorUrl,
        integrationKey: duo.accountsApi.ikey,
        secretKey: duo.accountsApi.skey,
      }),
    );
    expect(validation).toMatchObject({ ok: true, missing: [], accountsFound: ACCOUNTS });
    // On a timeout the message says what the connector last reported, account by account.
    let lastSeen = '';
    await step('integration idle', () =>
      waitFor(
        async () => {
          const [current, accounts] = await Promise.all([api.getIntegration(integration.id), api.listAccounts()]);
          lastSeen = JSON.stringify({ integration: current, accounts: accounts.items });
          return (
            current.syncStatus === 'idle' &&
            accounts.items.length === ACCOUNTS &&
            // Idle is the auth-log job's word; seats and edition come from the users job, which may finish later.
            accounts.items.every((a) => a.syncStatus === 'idle' && a.seats !== null)
          );
        },
        { ...long, description: 'syncStatus idle and seats counted' },
      ).catch((error: unknown) => {
        throw new Error(`${error instanceof Error ? error.message : String(error)}; last seen: ${lastSeen}`);
      }),
    );

    const accounts = (await api.listAccounts()).items;
    for (const truth of duoTruthNow.accounts) {
      expect(accounts.find((a) => a.id === truth.account_id)).toMatchObject({
        name: truth.name,
        seats: truth.billable_seats,
        edition: truth.edition,
      });
      const expected = expectedServices(truth);
      const services = await step(`services of ${truth.name}`, () =>
        waitFor(
          async () => {
            const all = await allPages((cursor) => api.listServices(truth.account_id, cursor));
            const seen = all.map((s) => ({
              applicationKey: s.applicationKey,
              name: s.name,
              attemptedUserCount: s.attemptedUserCount,
              userCount: s.userCount,
              authCount: s.authCount,
            }));
            return seen.reduce((n, s) => n + s.authCount, 0) >= truth.applications.reduce((n, a) => n + a.events, 0)
              ? { all, seen }
              : null;
          },
          { ...long, description: `discovery of ${truth.name}` },
        ),
      );
      expect(sortServices(services.seen)).toEqual(expected);
      for (const service of services.all) {
        const users = await allPages((cursor) => api.serviceUsers(service.id, cursor));
        expect(users).toHaveLength(service.userCount);
      }
      const users = await allPages((cursor) => api.listUsers(truth.account_id, cursor));
      expect(users).toHaveLength(truth.users);
      await expectUnusedSeats(urls.duoSimulatorUrl, truth.account_id);
    }

    const psa = await fetchSimInfo(urls.psaSimulatorUrl, psaSimInfoSchema);
    const connection = await step('connect ConnectWise', () =>
      api.createPsaConnection({
        name: 'ConnectWise',
        kind: 'connectwise',
        siteUrl: urls.psaSimulatorUrl,
        companyId: psa.companyId,
        publicKey: psa.publicKey,
        privateKey: psa.privateKey,
        clientId: psa.clientId,
      }),
    );
    expect(connection.status).toBe('connected');
    await step('PSA sync', () =>
      waitFor(
        async () => (await api.listPsaConnections()).items.find((c) => c.id === connection.id)?.lastSyncAt ?? null,
        { ...long, description: 'the first PSA sync' },
      ),
    );

    // Map every paired account (exact names were auto-mapped) and every Duo SKU to its PSA product.
    const cw = await psaTruth(urls.psaSimulatorUrl);
    const paired = cw.companies.filter((c) => c.pairedDuoAccountId !== null);
    expect(paired.length).toBeGreaterThan(0);
    const mappings = await step('account mappings', () =>
      waitFor(
        async () => {
          const all = await allPages((cursor) => api.listAccountMappings(cursor));
          return all.length === ACCOUNTS ? all : null;
        },
        { ...long, description: 'every account in the mappings' },
      ),
    );
    const companies = await allPages((cursor) => api.listPsaCompanies(connection.id, cursor));
    for (const company of paired) {
      const psaCompany = companies.find((c) => c.externalId === String(company.id));
      expect(psaCompany).toBeDefined();
      const mapping = mappings.find((m) => m.accountId === company.pairedDuoAccountId);
      if (company.pairing === 'exact') {
        expect(mapping).toMatchObject({ state: 'mapped', source: 'auto', psaCompanyId: psaCompany!.id });
      }
      if (mapping?.state !== 'mapped') await api.mapAccount(company.pairedDuoAccountId!, psaCompany!.id);
    }
    const products = await allPages((cursor) => api.listProducts(undefined, cursor));
    for (const sku of DUO_SKUS) {
      const product = products.find((p) => p.identifier === productIdentifierOf(sku));
      expect(product).toBeDefined();
      await api.mapService(sku, product!.id);
    }

    // Rows: each paired account's own SKU (Duo seats vs PSA billed) and other SKUs the PSA bills it for.
    const expectedRows = paired.flatMap((company) => {
      const account = duoTruthNow.accounts.find((a) => a.account_id === company.pairedDuoAccountId)!;
      const own = SKU_OF_EDITION[account.edition as DuoEdition];
      return DUO_SKUS.flatMap((sku) => {
        const psaQuantity = billed(company, productIdentifierOf(sku));
        if (sku !== own && psaQuantity === 0) return [];
        const vendorQuantity = sku === own ? account.billable_seats : 0;
        return [
          { accountId: account.account_id, sku, vendorQuantity, psaQuantity, delta: vendorQuantity - psaQuantity },
        ];
      });
    });
    const rows = await step('reconciliation rows', () =>
      waitFor(
        async () => {
          const all = await allPages((cursor) => api.listReconciliation({ cursor }));
          const mapped = all.filter((r) => r.type !== 'unmapped');
          return mapped.length >= expectedRows.length ? mapped : null;
        },
        { ...long, description: 'the reconciliation rows' },
      ),
    );
    expect(
      sortRows(
        rows.map((r) => ({
          accountId: r.accountId,
          sku: r.sku,
          vendorQuantity: r.vendorQuantity,
          psaQuantity: r.psaQuantity,
          delta: r.delta,
        })),
      ),
    ).toEqual(sortRows(expectedRows));

    // Approve every discrepancy the PSA can take: the PSA must then bill exactly the Duo seats. New revenue (no line
    // bills the account's SKU yet) needs a line added in ConnectWise first: Seatwise only changes quantities.
    const toApprove = rows.filter((r) => r.state === 'pending' && r.delta !== 0 && r.type !== 'new_revenue');
    expect(toApprove.length).toBeGreaterThan(0);
    await step('approve', () =>
      api.approve(
        toApprove.map((r) => r.id),
        'e2e',
      ),
    );
    await step('applied', () =>
      waitFor(
        async () => {
          const now = await Promise.all(toApprove.map((r) => api.getReconciliationRow(r.id)));
          return now.every((r) => r.state === 'applied');
        },
        { ...long, description: 'the approved rows to be applied' },
      ),
    );
    const after = await psaTruth(urls.psaSimulatorUrl);
    for (const row of toApprove) {
      const company = after.companies.find((c) => c.pairedDuoAccountId === row.accountId)!;
      expect({ accountId: row.accountId, billed: billed(company, productIdentifierOf(row.sku)) }).toEqual({
        accountId: row.accountId,
        billed: row.vendorQuantity,
      });
    }

    const pids = stack!.pids;
    expect(await stack!.stop()).toBe(0);
    await waitFor(() => stillRunning(pids).length === 0, {
      timeoutMs: 10_000,
      description: 'every stack process to be gone',
    });
    expect(stillRunning(pids)).toEqual([]);
  });
});

function sortRows<T extends { accountId: string; sku: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => `${a.accountId}/${a.sku}`.localeCompare(`${b.accountId}/${b.sku}`));
}
