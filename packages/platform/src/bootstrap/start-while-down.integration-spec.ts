import type { ManagedServer } from '@seatwise/testing/infra/managed-server';
import { startDedicatedMongo, startDedicatedNats } from '@seatwise/testing/infra/provision';
import { waitFor } from '@seatwise/testing/wait';
import { type BaseEnv, baseEnvSchema, parseEnv } from '@seatwise/shared/config/env';
import { createLogger } from '@seatwise/shared/logging/logger';
import { createServiceApp, type ServiceApp, type ServiceDefinition } from './create-service-app';

// #18: a replica restarted while NATS and the database are down (the fault run stops the database for 30 s and
// restarts NATS nodes) waits for them and starts, instead of exiting on its first connection's timeout.
// Mutation: the connections opened without untilReachable (platform.module.ts): createServiceApp rejects with
// the connection error and the spec fails.
describe('a service started while its servers are down', () => {
  let nats: ManagedServer;
  let mongo: ManagedServer;
  let started: ServiceApp | undefined;

  beforeAll(async () => {
    [nats, mongo] = await Promise.all([startDedicatedNats(), startDedicatedMongo()]);
  });

  afterAll(async () => {
    await started?.app.close();
    await Promise.all([nats.dispose(), mongo.dispose()]);
  });

  it('waits for both, says so, and is ready once they answer', async () => {
    await Promise.all([nats.stop(), mongo.stop()]);
    const lines: string[] = [];
    const logger = createLogger('alerts', 'warn', { write: (line: string) => void lines.push(line) });
    const definition: ServiceDefinition<BaseEnv> = { name: 'alerts', version: 'spec', imports: () => [], rpc: false };
    const env = parseEnv(baseEnvSchema, {
      NATS_URL: nats.url,
      MONGO_URL: mongo.url,
      MONGO_DB: 'start_while_down',
      SEATWISE_BUS_PREFIX: 'startdown',
      PORT: '0',
      HOST: '127.0.0.1',
    });
    let failed: Error | undefined;
    const starting = createServiceApp(definition, env, logger).then(
      (app) => (started = app),
      (error: unknown) => {
        failed = error instanceof Error ? error : new Error(`start failed: ${JSON.stringify(error)}`);
      },
    );
    const waitingFor = (what: string) => () => {
      if (failed) throw failed;
      return lines.some((line) => line.includes(`${what} is out of reach`));
    };
    await waitFor(waitingFor('NATS'), { timeoutMs: 30_000, description: 'a warning that NATS is out of reach' });
    await waitFor(waitingFor('the database'), { timeoutMs: 60_000, description: 'a warning about the database' });

    await Promise.all([nats.start(), mongo.start()]);
    await starting;
    if (failed) throw failed;
    expect(started).toBeDefined();
    await started!.app.listen(0, '127.0.0.1');
    const url = (await started!.app.getUrl()).replace('[::1]', '127.0.0.1');
    const ready = await waitFor(
      async () => {
        const response = await fetch(`${url}/health/ready`);
        return response.status === 200 ? response : null;
      },
      { timeoutMs: 30_000, description: 'the service ready' },
    );
    expect(ready.status).toBe(200);
  }, 180_000);
});
