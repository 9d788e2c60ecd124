import type { ManagedServer } from '@seatwise/testing/infra/managed-server';
import { startDedicatedMongo, startDedicatedNats } from '@seatwise/testing/infra/provision';
import { waitFor } from '@seatwise/testing/wait';
import {
  type ConnectorRun,
  expectEveryAuthEventOnce,
  mspIntegration,
  startConnectorRun,
  stopRun,
} from './__fixtures__/connector-fixture';

const EVENTS = 20_000;

describe.each([
  ['NATS', 'nats'],
  ['MongoDB', 'mongo'],
] as const)('duo-connector across a %s outage', (_label, which) => {
  let server: ManagedServer;
  let run: ConnectorRun;

  beforeAll(async () => {
    // The dependency that goes down is this spec's own, so other spec files never notice.
    server = which === 'nats' ? await startDedicatedNats() : await startDedicatedMongo();
    run = await startConnectorRun(
      { seed: `connector-outage-${which}`, accounts: 2, events: EVENTS },
      {
        servers: which === 'nats' ? { natsUrl: server.url } : { mongoUrl: server.url },
        env: { CONNECTOR_LOGS_PER_MINUTE: '120' },
      },
    );
  });

  afterAll(async () => {
    await stopRun(run);
    await server.dispose();
  });

  it('pauses while it is down and resumes without losing or repeating an event', async () => {
    const { sim, rpc, connector } = run;
    await rpc.request('duo-connector.integrations.create', mspIntegration(sim));
    await waitFor(async () => (await run.streamCount('DUO_AUTHLOGS')) >= 3_000, {
      description: 'backfill under way',
      intervalMs: 50,
    });

    await server.stop();
    await waitFor(async () => (await fetch(`${connector.url}/health/ready`)).status === 503, {
      description: `not ready while ${which} is down`,
    });
    await server.start();

    await waitFor(async () => (await run.streamCount('DUO_AUTHLOGS').catch(() => 0)) >= EVENTS, {
      timeoutMs: 180_000,
      intervalMs: 500,
      description: 'every event after the outage',
    });
    await expectEveryAuthEventOnce(run);
    expect((await fetch(`${connector.url}/health/ready`)).status).toBe(200);
  });
});
