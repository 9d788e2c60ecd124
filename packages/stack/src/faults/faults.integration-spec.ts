import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchLine } from '@seatwise/shared/bench/run-bench';
import { waitFor } from '@seatwise/testing/wait';
import { billed, productIdentifierOf, psaTruth } from '../__e2e__/truths';
import { deadLetterTarget, withDeadLetters } from '../admin/dead-letters';
import { repoRoot, stackPaths } from '../config/paths';
import { allPages } from '../demo/seatwise-api';
import { expectedServices, sortServices } from '../__e2e__/truths';
import { expectedRows, isPsaWrite, sortRows } from './expected';
import { FaultSchedule } from './fault-schedule';
import { FaultStack, type FaultStackOptions } from './fault-stack';
import { Gateways } from './gateways';
import { approveAll, connectConnectWise, connectorCaughtUp, createDuoIntegration, mapEverything } from './product';

// Issue #18's fault run (npm run test:faults; not in npm test, see the README): the stack with two replicas
// of every service over a three-node NATS cluster, both simulators, the Duo simulator answering a share of
// requests with 429. While it ingests, a random service replica is killed (SIGKILL) every few seconds and started
// again, one NATS node is restarted, and the database is stopped for 30 s. At the end discovery's inventories, Duo's
// seats and the reconciliation rows equal both simulators' truth, every approved row was written to the PSA exactly
// once, Duo served at most 1.2× the requests a single-replica ingest of the same data needs (measured first, below),
// and no message was dead-lettered. The default size is smaller than the 20 accounts and 200,000 events, which
// FAULTS_ACCOUNTS=20 FAULTS_EVENTS=200000 with longer FAULTS_WAIT_MS and FAULTS_TIMEOUT_MS runs (see the README).
const num = (key: string, fallback: number): number => {
  const raw = process.env[key];
  return raw === undefined || raw === '' ? fallback : Number(raw);
};
const WORKLOAD = {
  accounts: num('FAULTS_ACCOUNTS', 6),
  usersPerAccount: num('FAULTS_USERS', 40),
  events: num('FAULTS_EVENTS', 60_000),
};
const DUO_FAULTS = { error429: num('FAULTS_DUO_429', 0.1) };
const PLAN = {
  killEveryMs: num('FAULTS_KILL_EVERY_MS', 5_000),
  natsRestartAtMs: 15_000,
  natsDownMs: 5_000,
  databaseStopAtMs: 30_000,
  // Longer than a delivery's old budget (JetStream's ack wait × max deliveries before consumers held their batches).
  databaseDownMs: num('FAULTS_DB_DOWN_MS', 30_000),
};
const LONG = num('FAULTS_WAIT_MS', 300_000);
// The whole test's limit: the size (20 accounts, 200,000 events) needs more than the default 15 minutes.
jest.setTimeout(num('FAULTS_TIMEOUT_MS', 900_000));

// The services' environment, the same in both runs. Idle polls, user re-syncs and account re-listings are an hour
// apart, so what Duo serves is what ingesting the data costs (not how long the run took); pushes hold a row 20 s
// instead of 5 min, so a push cut by a kill is taken over within the run.
const SERVICE_ENV: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  HOME: process.env['HOME'],
  ...(process.env['SEATWISE_CACHE_DIR'] ? { SEATWISE_CACHE_DIR: process.env['SEATWISE_CACHE_DIR'] } : {}),
  NO_COLOR: '1',
  LOG_LEVEL: 'warn',
  CONNECTOR_LOG_POLL_INTERVAL_MS: '3600000',
  CONNECTOR_ACCOUNTS_REFRESH_MS: '3600000',
  CONNECTOR_USERS_INTERVAL_MS: '3600000',
  RECONCILE_PUSH_LEASE_MS: '20000',
};

const root = repoRoot(__dirname);
const dirs: string[] = [];
let running: FaultStack | null = null;

function options(scale: FaultStackOptions['scale']): FaultStackOptions {
  const dir = mkdtempSync(join(tmpdir(), 'seatwise-faults-'));
  dirs.push(dir);
  return {
    root,
    dir,
    scale,
    workload: WORKLOAD,
    duoFaults: DUO_FAULTS,
    serviceEnv: SERVICE_ENV,
    startupTimeoutMs: 120_000,
  };
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((n, c) => n + c, 0);

afterAll(async () => {
  await running?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// On failure: what the schedule did and every process's last lines, so a CI failure can be read.
async function explained<T>(stack: FaultStack, events: () => string[], body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    const why = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new Error(`${why}\n--- faults ---\n${events().join('\n')}\n${stack.output.dump()}`, { cause: error });
  }
}

// One replica of everything and a single nats-server, the same data and the same 429s: what Duo serves while one
// connector ingests it (until it is idle with every account's seats counted).
async function singleReplicaDuoRequests(): Promise<{ byPath: Record<string, number>; seconds: number }> {
  const started = Date.now();
  const stack = await FaultStack.start(options({ replicas: 1, natsCluster: 1 }));
  running = stack;
  try {
    return await explained(
      stack,
      () => [],
      async () => {
        const gw = new Gateways(stack.gatewayUrls, stack.adminApiKey);
        const integrationId = await createDuoIntegration(gw, stack.sims);
        await waitFor(() => connectorCaughtUp(gw, integrationId, WORKLOAD.accounts), {
          timeoutMs: LONG,
          intervalMs: 1_000,
          description: 'the single-replica connector to catch up',
        });
        return { byPath: stack.sims.duo.served(), seconds: (Date.now() - started) / 1000 };
      },
    );
  } finally {
    running = null;
    await stack.stop();
  }
}

describe('the fault run (#18)', () => {
  it('loses and duplicates nothing while replicas, a NATS node and the database fail', async () => {
    const single = await singleReplicaDuoRequests();
    const singleRequests = sum(single.byPath);
    process.stdout.write(`single-replica ingest: ${singleRequests} Duo requests in ${single.seconds}s\n`);

    const started = Date.now();
    const stack = await FaultStack.start(options({ replicas: 2, natsCluster: 3 }));
    running = stack;
    const schedule = new FaultSchedule(stack, PLAN);
    const { sims } = stack;
    const gw = new Gateways(stack.gatewayUrls, stack.adminApiKey);
    await explained(
      stack,
      () => schedule.events,
      async () => {
        const duoBefore = sims.duo.truth();
        const psaBefore = await psaTruth(sims.psa.url);
        // Created before the faults: a create whose answer is lost cannot be told from one never made.
        const integrationId = await createDuoIntegration(gw, sims);
        const connectionId = await connectConnectWise(gw, sims);
        schedule.start();
        let approved: { id: string; accountId: string; sku: string; vendorQuantity: number }[] = [];
        try {
          await mapEverything(gw, sims, connectionId, WORKLOAD.accounts, LONG);
          // The rows equal both simulators' truth before anything is pushed.
          const want = expectedRows(duoBefore, psaBefore);
          let seen: unknown = null;
          const rows = await waitFor(
            async () => {
              const all = await gw.call((api) => allPages((cursor) => api.listReconciliation({ cursor })));
              const mapped = all.filter((r) => r.type !== 'unmapped');
              seen = sortRows(
                mapped.map((r) => ({
                  accountId: r.accountId,
                  sku: r.sku,
                  vendorQuantity: r.vendorQuantity,
                  psaQuantity: r.psaQuantity,
                  delta: r.delta,
                })),
              );
              return JSON.stringify(seen) === JSON.stringify(want) ? mapped : null;
            },
            { timeoutMs: LONG, intervalMs: 2_000, description: 'the reconciliation rows equal to the truth' },
          ).catch((error: unknown) => {
            expect(seen).toEqual(want);
            throw error;
          });
          approved = rows.filter((r) => r.state === 'pending' && r.delta !== 0);
          expect(approved.length).toBeGreaterThan(0);
          await approveAll(
            gw,
            approved.map((r) => r.id),
            LONG,
          );
          await waitFor(
            async () => schedule.oneOffsDone && (await connectorCaughtUp(gw, integrationId, WORKLOAD.accounts)),
            { timeoutMs: LONG, intervalMs: 1_000, description: 'the connector caught up, every fault injected' },
          );
        } finally {
          await schedule.stop();
        }

        // Every approved row pushed, and the PSA bills what Duo counts, written once per row.
        await waitFor(
          async () => {
            const now = await Promise.all(approved.map((r) => gw.call((api) => api.getReconciliationRow(r.id))));
            return now.every((r) => r.state === 'applied');
          },
          { timeoutMs: LONG, intervalMs: 1_000, description: 'the approved rows applied' },
        );
        const psaAfter = await psaTruth(sims.psa.url);
        const wrong = approved.filter((row) => {
          const company = psaAfter.companies.find((c) => c.pairedDuoAccountId === row.accountId);
          return company === undefined || billed(company, productIdentifierOf(row.sku)) !== row.vendorQuantity;
        });
        const writes = sims.psa.requests().filter(isPsaWrite);
        const patched = writes.filter((w) => w.method === 'PATCH').map((w) => w.path);
        const duplicatedWrites = Math.max(0, writes.length - approved.length) + patched.length - new Set(patched).size;

        // Discovery's inventories, account by account, until they equal the truth (or the deadline).
        const duoAfter = sims.duo.truth();
        let lostEvents = 0;
        let duplicatedEvents = 0;
        for (const account of duoAfter.accounts) {
          const want = expectedServices(account);
          const total = want.reduce((n, s) => n + s.authCount, 0);
          let seen: typeof want = [];
          await waitFor(
            async () => {
              const all = await gw.call((api) => allPages((cursor) => api.listServices(account.account_id, cursor)));
              seen = sortServices(
                all.map((s) => ({
                  applicationKey: s.applicationKey,
                  name: s.name,
                  attemptedUserCount: s.attemptedUserCount,
                  userCount: s.userCount,
                  authCount: s.authCount,
                })),
              );
              return JSON.stringify(seen) === JSON.stringify(want);
            },
            { timeoutMs: LONG, intervalMs: 2_000, description: `discovery of ${account.name}` },
          ).catch(() => undefined);
          const counted = seen.reduce((n, s) => n + s.authCount, 0);
          lostEvents += Math.max(0, total - counted);
          duplicatedEvents += Math.max(0, counted - total);
          expect({ account: account.name, services: seen }).toEqual({ account: account.name, services: want });
          const users = await gw.call((api) => allPages((cursor) => api.listUsers(account.account_id, cursor)));
          expect({ account: account.name, users: users.length }).toEqual({
            account: account.name,
            users: account.users,
          });
        }
        const accounts = (await gw.call((api) => api.listAccounts())).items;
        expect(sortById(accounts.map((a) => ({ id: a.id, seats: a.seats, edition: a.edition })))).toEqual(
          sortById(
            duoAfter.accounts.map((a) => ({
              id: a.account_id,
              seats: a.billable_seats,
              // Seatwise knows no edition Duo does not expose.
              edition: a.edition_exposed ? a.edition : null,
            })),
          ),
        );

        const deadLetters = await withDeadLetters(
          deadLetterTarget(
            { NATS_URL: stack.natsUrl, NATS_PASSWORD: stack.provisionerPassword, SEATWISE_BUS_PREFIX: stack.busPrefix },
            stackPaths(root, dirs.at(-1)),
          ),
          (store) => store.list(20),
        );
        const duoRequests = sum(sims.duo.served());
        const summary = {
          bench: 'faults',
          ...WORKLOAD,
          faultsInjected: schedule.injected,
          ...schedule.summary(),
          lost: lostEvents + wrong.length,
          duplicated: duplicatedEvents + duplicatedWrites,
          approvedRows: approved.length,
          psaWrites: writes.length,
          duoRequests,
          duoRequestsSingle: singleRequests,
          duoByPath: sims.duo.served(),
          duoByPathSingle: single.byPath,
          deadLetters: deadLetters.total,
          // Replicas started after a kill that gave up during start-up (a NATS node or the database down) and were
          // started again.
          startFailures: stack.startFailures.length,
          startFailureReasons: stack.startFailures.map((e) => `${e.child.name}: ${exitReason(e.child.tail())}`),
          seconds: Math.round((Date.now() - started) / 1000),
        };
        writeBenchLine(summary);
        expect({ lost: summary.lost, duplicated: summary.duplicated }).toEqual({ lost: 0, duplicated: 0 });
        expect(deadLetters).toMatchObject({ total: 0 });
        expect(stack.crashes.map((c) => c.message)).toEqual([]);
        expect(schedule.oneOffsDone).toBe(true);
        expect(duoRequests).toBeLessThanOrEqual(Math.floor(1.2 * singleRequests));
      },
    );
    running = null;
    await stack.stop();
  });
});

// The line a replica that gave up starting logged about why (the last error line before its stack), cut short.
function exitReason(tail: readonly string[]): string {
  const line = tail.findLast((l) => /start failed|Error\b/.test(l) && !/^\s+at /.test(l)) ?? tail.at(-1) ?? '';
  return line.trim().slice(0, 200);
}

function sortById<T extends { id: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.id.localeCompare(b.id));
}
