import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import { waitFor } from '@seatwise/testing/wait';
import { type ConnectorRun, mspIntegration, startConnectorRun, stopRun } from './__fixtures__/connector-fixture';

describe('duo-connector following an MSP whose child accounts change', () => {
  let run: ConnectorRun;

  beforeAll(async () => {
    run = await startConnectorRun({ seed: 'connector-children', accounts: 3, events: 3_000 });
  });

  afterAll(() => stopRun(run));

  it('picks up a new child account and stops polling a removed one', async () => {
    const { sim, rpc } = run;
    const [first, second, third] = sim.info.accounts.map((a) => a.account_id) as [string, string, string];
    sim.setHiddenAccounts([third]);
    const { integration } = await rpc.request('duo-connector.integrations.create', mspIntegration(sim));
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
        (await run.readStream<DuoAuthLogEvent>('DUO_AUTHLOGS')).filter((e) => e.accountId === third).length ===
        expectedThird,
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
    expect(await run.streamCount('DUO_AUTHLOGS')).toBeGreaterThanOrEqual(expectedThird);
  });
});
