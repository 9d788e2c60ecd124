import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { startService, type StartedService } from '@seatwise/platform/testing/start-service';
import { connectSpecBus, type SpecBus } from '@seatwise/platform/testing/spec-bus';
import { startPsaSimulator, type PsaSimulator } from '@seatwise/psa-simulator/server';
import { envSchema } from '@seatwise/shared/config/reconcile-env';
import type { SyncRunView } from '@seatwise/shared/contracts/reconcile-views';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { outboundAllowEnv } from '@seatwise/testing/service-env';
import { waitFor } from '@seatwise/testing/wait';
import { randomBytes } from 'node:crypto';
import { connectionInput } from '../__fixtures__/msp-fixture';
import { service } from '../service';

const k1 = `k1:${randomBytes(32).toString('base64')}`;
const k2 = `k2:${randomBytes(32).toString('base64')}`;
const ACTOR = 'ops@msp.example';

interface StoredConnection {
  _id: string;
  secret: { keyId: string; bound?: boolean };
}

// Reconcile restarted under other encryption keys, as an operator rotates them or loses one.
describe('stored PSA secrets across key changes', () => {
  let psa: PsaSimulator;
  let scope: TestScope;
  let bus: SpecBus;
  let mongo: MongoConnection;
  let reconcile: StartedService | undefined;

  beforeAll(async () => {
    psa = await startPsaSimulator({ mode: 'connectwise', seed: 'psa-secrets', rateLimits: false });
    scope = createTestScope();
    bus = await connectSpecBus(scope, 'psa-secrets-spec', 30_000);
    mongo = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'psa-secrets-spec');
  });
  afterAll(async () => {
    await reconcile?.close();
    await mongo.onApplicationShutdown();
    await bus.nc.close();
    await psa.close();
    await scope.cleanup();
  });

  const start = async (keys: string, active: string) => {
    await reconcile?.close();
    const env = { ...outboundAllowEnv(psa.url), SEATWISE_ENCRYPTION_KEYS: keys, SEATWISE_ENCRYPTION_KEY_ID: active };
    reconcile = await startService(service, envSchema, serviceEnv(scope, env));
  };
  const finished = (connectionId: string, after: Date) =>
    waitFor(
      async () => {
        const { items } = await bus.rpc.request('reconcile.sync-runs.list', { connectionId });
        const run = items.find((r: SyncRunView) => r.finishedAt !== null && Date.parse(r.requestedAt) >= +after);
        return run ?? null;
      },
      { timeoutMs: 30_000, description: 'the sync run to finish' },
    );
  const syncNow = async (connectionId: string) => {
    const after = new Date();
    await bus.rpc.request('reconcile.sync-runs.start', { connectionId, kind: 'full', actor: ACTOR });
    return finished(connectionId, after);
  };

  it('starts without a lost key, fails only that connection, and rotates it once the key is back', async () => {
    await start(k1, 'k1');
    const connection = await bus.rpc.request('reconcile.psa.connections.create', {
      ...connectionInput(psa),
      actor: ACTOR,
    });
    // Creating a connection starts its first full sync.
    expect(await finished(connection.id, new Date(0))).toMatchObject({ state: 'complete' });

    await start(k2, 'k2');
    expect(await syncNow(connection.id)).toMatchObject({ state: 'failed', error: { code: 'SECRETS.KEY_MISSING' } });
    expect(await bus.rpc.request('reconcile.psa.connections.get', { id: connection.id })).toMatchObject({
      status: 'error',
      lastError: { code: 'SECRETS.KEY_MISSING' },
    });

    await start(`${k1},${k2}`, 'k2');
    const stored = await mongo.connection
      .collection<StoredConnection>('psa_connections')
      .findOne({ _id: connection.id });
    expect(stored?.secret).toMatchObject({ keyId: 'k2', bound: true });
    expect(await syncNow(connection.id)).toMatchObject({ state: 'complete', error: null });
  });
});
