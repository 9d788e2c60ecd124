import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { startService } from '@seatwise/platform/testing/start-service';
import { envSchema } from '@seatwise/shared/config/connector-env';
import { outboundAllowEnv } from '@seatwise/testing/service-env';
import { waitFor } from '@seatwise/testing/wait';
import { randomBytes } from 'node:crypto';
import { adminIntegration, connectorEnv, type SimRun, startSimRun, stopRun } from './__fixtures__/connector-fixture';
import { service } from './service';

const k1 = `k1:${randomBytes(32).toString('base64')}`;
const k2 = `k2:${randomBytes(32).toString('base64')}`;

interface StoredSecret {
  _id: string;
  secret: { keyId: string; bound?: boolean };
}

// The connector restarted under other encryption keys, as an operator rotates them: SEATWISE_ENCRYPTION_KEYS with
// the new key added (and made active), or with a key lost.
describe('stored Duo secrets across key changes', () => {
  let run: SimRun | undefined;
  let mongo: MongoConnection | undefined;

  beforeAll(async () => {
    run = await startSimRun({ accounts: 2, events: 20 });
    mongo = await MongoConnection.open(run.scope.mongoUrl, run.scope.dbName, 'secrets-spec');
  });
  afterAll(async () => {
    await mongo?.onApplicationShutdown();
    await stopRun(run);
  });

  const start = (keys: string, active: string) => {
    const env = {
      ...outboundAllowEnv(run!.sim.url),
      SEATWISE_ENCRYPTION_KEYS: keys,
      SEATWISE_ENCRYPTION_KEY_ID: active,
    };
    return startService(service, envSchema, connectorEnv(run!.scope, env));
  };
  const integration = (index: number) => {
    const account = run!.sim.info.accounts[index]!;
    return adminIntegration(run!.sim, account.name, account.adminApi);
  };
  const integrations = () => mongo!.connection.collection<StoredSecret>('integrations');
  const stored = () =>
    integrations()
      .find({}, { projection: { secret: 1 }, sort: { createdAt: 1 } })
      .toArray();
  const view = async (id: string) => run!.rpc.request('duo-connector.integrations.get', { id });

  it('starts without a lost key, with only the integrations under it in error, and recovers once it is back', async () => {
    let connector = await start(k1, 'k1');
    const first = (await run!.rpc.request('duo-connector.integrations.create', integration(0))).integration;
    await connector.close();

    // k1 lost: the connector starts, the integration under k1 alone is in error, and a new one works.
    connector = await start(k2, 'k2');
    expect(await view(first.id)).toMatchObject({ status: 'error', lastError: { code: 'SECRETS.KEY_MISSING' } });
    const second = (await run!.rpc.request('duo-connector.integrations.create', integration(1))).integration;
    expect(second.status).toBe('connected');
    let metrics = await (await fetch(`${connector.url}/metrics`)).text();
    expect(metrics).toContain('seatwise_connector_secrets_unreadable 1');
    expect(metrics).toContain('seatwise_connector_secrets{key_id="k1"} 1');
    await connector.close();

    // k1 configured again, k2 active: every secret is rotated to k2 and bound to its record at start, the first
    // integration polls again and its error is gone.
    const restartedAt = Date.now();
    connector = await start(`${k1},${k2}`, 'k2');
    expect((await stored()).map((d) => d.secret)).toEqual([
      expect.objectContaining({ keyId: 'k2', bound: true }),
      expect.objectContaining({ keyId: 'k2', bound: true }),
    ]);
    expect(await view(first.id)).toMatchObject({ status: 'connected', lastError: null });
    await waitFor(
      async () => {
        const { items } = await run!.rpc.request('duo-connector.accounts.list', { integrationId: first.id });
        return items.some((a) => a.lastSyncAt !== null && Date.parse(a.lastSyncAt) >= restartedAt);
      },
      { timeoutMs: 30_000, description: "the recovered integration's account to sync again" },
    );
    metrics = await (await fetch(`${connector.url}/metrics`)).text();
    expect(metrics).toContain('seatwise_connector_secrets{key_id="k2"} 2');
    expect(metrics).toContain('seatwise_connector_secrets_unreadable 0');
    await connector.close();
  });

  it("refuses a secret copied onto another integration's record", async () => {
    const [a, b] = await stored();
    await integrations().updateOne({ _id: b!._id }, { $set: { secret: a!.secret } });
    const connector = await start(`${k1},${k2}`, 'k2');
    expect(await view(b!._id)).toMatchObject({ status: 'error', lastError: { code: 'SECRETS.UNREADABLE' } });
    expect(await view(a!._id)).toMatchObject({ status: 'connected' });
    await connector.close();
  });
});
