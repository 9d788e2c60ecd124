import type { NatsConnection } from '@nats-io/transport-node';
import type { DuoSimulator } from '@seatwise/duo-simulator/server';
import { startService, type StartedService } from '@seatwise/platform/testing/start-service';
import { connectBus } from '@seatwise/shared/bus/connect';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { waitFor } from '@seatwise/testing/wait';
import { connectorEnv, readStream, startSim, streamCount } from './__fixtures__/connector-fixture';
import { envSchema } from '@seatwise/shared/config/connector-env';
import { service } from './service';

describe('duo-connector following an MSP whose child accounts change', () => {
  let sim: DuoSimulator;
  let scope: TestScope;
  let connector: StartedService;
  let nc: NatsConnection;

  beforeAll(async () => {
    sim = await startSim({ seed: 'connector-children', accounts: 3, events: 3_000 });
    scope = createTestScope();
    connector = await startService(service, envSchema, connectorEnv(scope));
    nc = await connectBus({ url: scope.natsUrl, name: 'children-spec' });
  });

  afterAll(async () => {
    await connector.close();
    await nc.close();
    await sim.close();
    await scope.cleanup();
  });

  it('picks up a new child account and stops polling a removed one', async () => {
    const [first, second, third] = sim.info.accounts.map((a) => a.account_id) as [string, string, string];
    sim.setHiddenAccounts([third]);
    const rpc = new RpcClient(nc, scope.busPrefix, 30_000);
    const { integration } = await rpc.request('duo-connector.integrations.create', {
      name: 'MSP',
      kind: 'accounts',
      apiHostname: sim.url,
      integrationKey: sim.info.accountsApi.ikey,
      secretKey: sim.info.accountsApi.skey,
    });
    const list = async () =>
      (await rpc.request('duo-connector.accounts.list', { integrationId: integration.id })).items;
    await waitFor(async () => (await list()).filter((a) => a.syncStatus === 'idle').length === 2, {
      description: 'two children synced',
    });
    expect((await list()).map((a) => a.id).sort()).toEqual([first, second].sort());

    // The MSP removes one customer and onboards another; sync-now refreshes the child list at once.
    sim.setHiddenAccounts([first]);
    await rpc.request('duo-connector.integrations.sync-now', { id: integration.id });
    await waitFor(
      async () => {
        const accounts = await list();
        return (
          accounts.find((a) => a.id === first)?.removed === true &&
          accounts.find((a) => a.id === third)?.syncStatus === 'idle'
        );
      },
      { timeoutMs: 60_000, description: 'first removed, third synced' },
    );
    const expectedThird = sim.truth().accounts.find((a) => a.account_id === third)!.auth_events;
    await waitFor(
      async () =>
        (await readStream<DuoAuthLogEvent>(nc, scope.busPrefix, 'DUO_AUTHLOGS')).filter((e) => e.accountId === third)
          .length === expectedThird,
      {
        description: "the new child's whole history",
      },
    );

    // Nothing is fetched for the removed account any more: a poll would meet Duo's 40002 and rewrite its
    // error time, so its view stays identical across further sync rounds of the integration.
    const removed = (await list()).find((a) => a.id === first);
    for (let round = 0; round < 2; round++) {
      await rpc.request('duo-connector.integrations.sync-now', { id: integration.id });
      await waitFor(async () => (await list()).find((a) => a.id === second)?.syncStatus === 'idle');
    }
    expect((await list()).find((a) => a.id === first)).toEqual(removed);
    expect(await streamCount(nc, scope.busPrefix, 'DUO_AUTHLOGS')).toBeGreaterThanOrEqual(expectedThird);
  });
});
