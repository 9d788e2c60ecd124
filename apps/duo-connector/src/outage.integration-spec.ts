import type { NatsConnection } from '@nats-io/transport-node';
import type { DuoSimulator } from '@seatwise/duo-simulator/server';
import { startService, type StartedService } from '@seatwise/platform/testing/start-service';
import { connectBus } from '@seatwise/shared/bus/connect';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import type { ManagedServer } from '@seatwise/testing/infra/managed-server';
import { startDedicatedMongo, startDedicatedNats } from '@seatwise/testing/infra/provision';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { waitFor } from '@seatwise/testing/wait';
import { connectorEnv, readStream, startSim, streamCount } from './__fixtures__/connector-fixture';
import { envSchema } from '@seatwise/shared/config/connector-env';
import { service } from './service';

const EVENTS = 20_000;

describe.each([
  ['NATS', 'nats'],
  ['MongoDB', 'mongo'],
] as const)('duo-connector across a %s outage', (_label, which) => {
  let server: ManagedServer;
  let sim: DuoSimulator;
  let scope: TestScope;
  let connector: StartedService;
  let nc: NatsConnection;

  beforeAll(async () => {
    // The dependency that goes down is this spec's own, so other spec files never notice.
    server = which === 'nats' ? await startDedicatedNats() : await startDedicatedMongo();
    sim = await startSim({ seed: `connector-outage-${which}`, accounts: 2, events: EVENTS });
    scope = createTestScope(which === 'nats' ? { natsUrl: server.url } : { mongoUrl: server.url });
    connector = await startService(service, envSchema, connectorEnv(scope, { CONNECTOR_LOGS_PER_MINUTE: '120' }));
    nc = await connectBus({ url: scope.natsUrl, name: 'outage-spec' });
  });

  afterAll(async () => {
    await connector.close();
    await nc.close();
    await sim.close();
    await scope.cleanup();
    await server.dispose();
  });

  it('pauses while it is down and resumes without losing or repeating an event', async () => {
    const rpc = new RpcClient(nc, scope.busPrefix, 30_000);
    await rpc.request('duo-connector.integrations.create', {
      name: 'MSP',
      kind: 'accounts',
      apiHostname: sim.url,
      integrationKey: sim.info.accountsApi.ikey,
      secretKey: sim.info.accountsApi.skey,
    });
    await waitFor(async () => (await streamCount(nc, scope.busPrefix, 'DUO_AUTHLOGS')) >= 3_000, {
      description: 'backfill under way',
      intervalMs: 50,
    });

    await server.stop();
    await waitFor(async () => (await fetch(`${connector.url}/health/ready`)).status === 503, {
      description: `not ready while ${which} is down`,
    });
    await server.start();

    await waitFor(async () => (await streamCount(nc, scope.busPrefix, 'DUO_AUTHLOGS').catch(() => 0)) >= EVENTS, {
      timeoutMs: 180_000,
      intervalMs: 500,
      description: 'every event after the outage',
    });
    const events = await readStream<DuoAuthLogEvent>(nc, scope.busPrefix, 'DUO_AUTHLOGS');
    expect(events).toHaveLength(EVENTS);
    expect(new Set(events.map((e) => `${e.accountId}:${e.record.txid}`)).size).toBe(EVENTS);
    expect((await fetch(`${connector.url}/health/ready`)).status).toBe(200);
  });
});
