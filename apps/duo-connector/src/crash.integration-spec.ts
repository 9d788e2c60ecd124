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
const EVENTS = 50_000;

describe('duo-connector killed with SIGKILL mid-backfill', () => {
  let run: SimRun;
  const processes: NodeProcess[] = [];

  beforeAll(async () => {
    run = await startSimRun({ seed: 'connector-crash', accounts: 3, events: EVENTS });
  });

  afterAll(async () => {
    for (const p of processes) p.kill('SIGKILL');
    await stopRun(run);
  });

  it('publishes every event exactly once after a restart', async () => {
    const { sim, scope, rpc } = run;
    const env = connectorEnv(scope, {
      // Slow enough that the kill lands mid-backfill, on this machine and faster ones.
      CONNECTOR_LOGS_PER_MINUTE: '90',
      DUO_BOOTSTRAP_INTEGRATIONS: JSON.stringify([mspIntegration(sim)]),
      LOG_LEVEL: 'warn',
      ...outboundAllowEnv(sim.url),
    });
    const first = startNode(MAIN, env);
    processes.push(first);
    const atKill = await waitFor(
      async () => {
        const n = await run.streamCount('DUO_AUTHLOGS').catch(() => 0);
        return n >= 6_000 ? n : null;
      },
      { timeoutMs: 120_000, intervalMs: 50, description: 'backfill under way' },
    );
    first.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(atKill).toBeLessThan(EVENTS);

    const second = startNode(MAIN, { ...env, CONNECTOR_LOGS_PER_MINUTE: '60000' });
    processes.push(second);
    await waitFor(async () => (await run.streamCount('DUO_AUTHLOGS')) >= EVENTS, {
      timeoutMs: 180_000,
      intervalMs: 500,
      description: 'all events after restart',
    });
    await waitFor(
      async () => (await rpc.request('duo-connector.accounts.list', {})).items.every((a) => a.syncStatus === 'idle'),
      { timeoutMs: 60_000, description: 'caught up' },
    );

    await expectEveryAuthEventOnce(run);

    // A clean stop drains and exits 0.
    second.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.output()).not.toContain(sim.info.accountsApi.skey);
  });
});
