import type { NatsConnection } from '@nats-io/transport-node';
import type { DuoSimulator } from '@seatwise/duo-simulator/server';
import { connectBus } from '@seatwise/shared/bus/connect';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { startNode, type NodeProcess } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import { join } from 'node:path';
import { connectorEnv, readStream, startSim, streamCount, truthByAccount } from './__fixtures__/connector-fixture';

const MAIN = join(__dirname, '..', 'dist', 'main.js');
const EVENTS = 50_000;

describe('duo-connector killed with SIGKILL mid-backfill', () => {
  let sim: DuoSimulator;
  let scope: TestScope;
  let nc: NatsConnection;
  const processes: NodeProcess[] = [];

  beforeAll(async () => {
    sim = await startSim({ seed: 'connector-crash', accounts: 3, events: EVENTS });
    scope = createTestScope();
    nc = await connectBus({ url: scope.natsUrl, name: 'crash-spec' });
  });

  afterAll(async () => {
    for (const p of processes) p.kill('SIGKILL');
    await nc.close();
    await sim.close();
    await scope.cleanup();
  });

  it('publishes every event exactly once after a restart', async () => {
    const { ikey, skey } = sim.info.accountsApi;
    const env = connectorEnv(scope, {
      // Slow enough that the kill lands mid-backfill, on this machine and faster ones.
      CONNECTOR_LOGS_PER_MINUTE: '90',
      DUO_BOOTSTRAP_INTEGRATIONS: JSON.stringify([
        { name: 'MSP', kind: 'accounts', apiHostname: sim.url, integrationKey: ikey, secretKey: skey },
      ]),
      LOG_LEVEL: 'warn',
    });
    const first = startNode(MAIN, env);
    processes.push(first);
    const atKill = await waitFor(
      async () => {
        const n = await streamCount(nc, scope.busPrefix, 'DUO_AUTHLOGS').catch(() => 0);
        return n >= 6_000 ? n : null;
      },
      { timeoutMs: 120_000, intervalMs: 50, description: 'backfill under way' },
    );
    first.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(atKill).toBeLessThan(EVENTS);

    const second = startNode(MAIN, { ...env, CONNECTOR_LOGS_PER_MINUTE: '60000' });
    processes.push(second);
    await waitFor(async () => (await streamCount(nc, scope.busPrefix, 'DUO_AUTHLOGS')) >= EVENTS, {
      timeoutMs: 180_000,
      intervalMs: 500,
      description: 'all events after restart',
    });
    const rpc = new RpcClient(nc, scope.busPrefix, 10_000);
    await waitFor(
      async () => (await rpc.request('duo-connector.accounts.list', {})).items.every((a) => a.syncStatus === 'idle'),
      { timeoutMs: 60_000, description: 'caught up' },
    );

    const events = await readStream<DuoAuthLogEvent>(nc, scope.busPrefix, 'DUO_AUTHLOGS');
    expect(events).toHaveLength(EVENTS);
    for (const [accountId, account] of truthByAccount(sim.truth())) {
      const txids = events.filter((e) => e.accountId === accountId).map((e) => e.record.txid);
      expect(new Set(txids).size).toBe(account.auth_events);
      expect(txids).toHaveLength(account.auth_events);
    }

    // A clean stop drains and exits 0.
    second.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.output()).not.toContain(skey);
  });
});
