import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import { waitFor } from '@seatwise/testing/wait';
import {
  type ConnectorRun,
  expectEveryAuthEventOnce,
  mspIntegration,
  startConnectorRun,
  stopRun,
} from './__fixtures__/connector-fixture';

interface StoredAccount {
  _id: string;
  logCursor: [string, string] | null;
}

// Whether real Duo sends next_offset on the last page of a log is not documented: against a simulator that sends
// none there, the checkpoint still moves to the last record read (else every poll would read that page again).
describe('auth logs whose last page has no next_offset', () => {
  let run: ConnectorRun | undefined;
  let mongo: MongoConnection | undefined;

  beforeAll(async () => {
    run = await startConnectorRun({ seed: 'last-page', accounts: 1, events: 300, cursorOnLastLogPage: false });
    mongo = await MongoConnection.open(run.scope.mongoUrl, run.scope.dbName, 'last-page-spec');
  });
  afterAll(async () => {
    await mongo?.onApplicationShutdown();
    await stopRun(run);
  });

  it('publishes every event once and keeps the last record as its cursor', async () => {
    await run!.rpc.request('duo-connector.integrations.create', mspIntegration(run!.sim));
    const total = run!.sim.truth().accounts[0]!.auth_events;
    await waitFor(async () => (await run!.streamCount('DUO_AUTHLOGS')) >= total, {
      timeoutMs: 60_000,
      description: `${total} auth events`,
    });
    await expectEveryAuthEventOnce(run!);
    const events = await run!.readStream<DuoAuthLogEvent>('DUO_AUTHLOGS');
    const { txid, isotimestamp } = events[events.length - 1]!.record;
    expect(isotimestamp).toEqual(expect.any(String));
    const stored = await waitFor(
      async () => {
        const doc = await mongo!.connection.collection<StoredAccount>('accounts').findOne({});
        return doc?.logCursor ? doc : null;
      },
      { timeoutMs: 30_000, description: 'the stored log cursor' },
    );
    expect(stored.logCursor).toEqual([String(Date.parse(isotimestamp!)), txid]);
  });
});
