import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { outboundAllowEnv } from '@seatwise/testing/service-env';
import { startNode, type NodeProcess } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import { join } from 'node:path';
import {
  connectorEnv,
  expectEveryAuthEventOnce,
  mspIntegration,
  type SimRun,
  startSimRun,
  stopRun,
} from './__fixtures__/connector-fixture';

const MAIN = join(__dirname, '..', 'dist', 'main.js');
const ACCOUNTS = 4;
const EVENTS = 40_000;
const LEASE_MS = 3_000;
const AUTH_LOGS = '/admin/v2/logs/authentication';

interface LeaseRow {
  _id: string;
  owner: string | null;
  expiresAt: Date;
}

// Two connector processes over one database and bus (#18): each account is polled by one replica at a time, both
// take a share, an integration created through one reaches the other, and when one is killed with SIGKILL
// mid-backfill the other takes its accounts over within two lease periods; every event is published exactly once,
// and Duo serves no more than 1.2× the auth-log pages one replica needs. Mutation checked: without the lease gate on
// the jobs (ConnectorLeases.holds always true), both replicas poll every account: Duo served 56 pages where 42 do
// (the limit is 55), most of it while both ran.
describe('duo-connector as two replicas', () => {
  let run: SimRun;
  let db: MongoConnection;
  const processes: NodeProcess[] = [];

  beforeAll(async () => {
    run = await startSimRun({ seed: 'connector-replicas', accounts: ACCOUNTS, events: EVENTS });
    db = await MongoConnection.open(run.scope.mongoUrl, run.scope.dbName, 'replicas-spec');
  });

  afterAll(async () => {
    for (const p of processes) p.kill('SIGKILL');
    await db.onApplicationShutdown();
    await stopRun(run);
  });

  const accountLeases = async (): Promise<LeaseRow[]> => {
    const rows = await db.connection.collection<LeaseRow>('connector_leases').find({}).toArray();
    return rows.filter((r) => r._id.startsWith('account:'));
  };
  const liveOwners = (rows: LeaseRow[]): string[] =>
    rows.filter((r) => r.owner !== null && r.expiresAt.getTime() > Date.now()).map((r) => r.owner ?? '');

  it('shares the accounts, survives a SIGKILL of one, and publishes every event once', async () => {
    const { sim, scope, rpc } = run;
    const env = connectorEnv(scope, {
      // Slow enough that the kill lands mid-backfill; no idle polls, so Duo's page count is the backfill's.
      CONNECTOR_LOGS_PER_MINUTE: '120',
      CONNECTOR_LOG_POLL_INTERVAL_MS: '600000',
      CONNECTOR_LEASE_MS: String(LEASE_MS),
      LOG_LEVEL: 'warn',
      ...outboundAllowEnv(sim.url),
    });
    const [a, b] = [startNode(MAIN, env), startNode(MAIN, env)];
    processes.push(a, b);
    await waitFor(
      () =>
        rpc.request('duo-connector.integrations.list', {}, 1_000).then(
          () => true,
          () => null,
        ),
      {
        timeoutMs: 30_000,
        description: 'a replica answering',
      },
    );
    await rpc.request('duo-connector.integrations.create', mspIntegration(sim), 30_000);

    // Both replicas hold accounts: the integration reached the one that did not handle the request.
    const shared = await waitFor(
      async () => {
        const rows = await accountLeases();
        const owners = liveOwners(rows);
        return owners.length === ACCOUNTS && new Set(owners).size === 2 ? rows : null;
      },
      { timeoutMs: 30_000, description: 'accounts leased by both replicas' },
    );
    const published = await waitFor(
      async () => {
        const n = await run.streamCount('DUO_AUTHLOGS');
        return n >= EVENTS / 2 ? n : null;
      },
      { timeoutMs: 120_000, intervalMs: 50, description: 'backfill half done' },
    );
    // While both run, each page is read once (plus the one each account may have in flight).
    const servedWhileShared = sim.served()[AUTH_LOGS] ?? 0;
    expect(servedWhileShared).toBeLessThanOrEqual(Math.ceil((1.2 * published) / 1_000) + ACCOUNTS);

    // Kill the replica with more accounts, without a chance to hand anything over.
    const counts = new Map<string, number>();
    for (const owner of liveOwners(shared)) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    const victimOwner = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? '';
    const victimPid = Number(victimOwner.split('-').at(-2));
    const [victim, survivor] = victimPid === a.pid ? [a, b] : [b, a];
    const killedAt = Date.now();
    victim.kill('SIGKILL');
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const takenOver = await waitFor(
      async () => {
        const owners = new Set(liveOwners(await accountLeases()));
        return owners.size === 1 && !owners.has(victimOwner) && liveOwners(await accountLeases()).length === ACCOUNTS
          ? Date.now()
          : null;
      },
      { timeoutMs: 60_000, intervalMs: 100, description: 'survivor holds every account' },
    );
    expect(takenOver - killedAt).toBeLessThan(2 * LEASE_MS);

    await waitFor(async () => (await run.streamCount('DUO_AUTHLOGS')) >= EVENTS, {
      timeoutMs: 180_000,
      intervalMs: 500,
      description: 'all events after the kill',
    });
    await waitFor(
      async () => (await rpc.request('duo-connector.accounts.list', {})).items.every((x) => x.syncStatus === 'idle'),
      { timeoutMs: 60_000, description: 'caught up' },
    );
    await expectEveryAuthEventOnce(run);

    // One replica reads each account's log once: full pages, then the page that is not full. The replica killed
    // mid-page costs at most that page again for each account it held.
    const single = sim.truth().accounts.reduce((n, acc) => n + Math.floor(acc.auth_events / 1_000) + 1, 0);
    expect(sim.served()[AUTH_LOGS] ?? 0).toBeLessThanOrEqual(Math.ceil(1.2 * single) + ACCOUNTS);

    survivor.kill('SIGTERM');
    expect(await survivor.exited).toEqual({ code: 0, signal: null });
  });
});
