import type { ManagedServer } from '../infra/managed-server';
import { startDedicatedNats } from '../infra/provision';
import { createTestScope, serviceEnv, type TestScope } from '../scope';
import { waitFor } from '../wait';
import { runNode } from './run-node';

export interface RunningService {
  url: string;
  close(): Promise<void>;
}

export interface ServiceLifecycleOptions {
  name: string;
  // The built entry point (dist/main.js), started as a real process for the bad-env case.
  mainPath: string;
  boot(env: Record<string, string>): Promise<RunningService>;
  // Keys the service needs beyond the shared ones (e.g. the connector's encryption keys).
  extraEnv?: Record<string, string>;
  // Calls the service's health RPC over NATS, when it serves one.
  rpcHealth?: (natsUrl: string, busPrefix: string) => Promise<{ ready: boolean }>;
}

const status = async (url: string): Promise<number> => (await fetch(url)).status;

// What issue #2 asks of every app: it boots against real NATS and Mongo, serves live/ready, reflects
// a NATS outage in readiness and recovers, and refuses a bad env listing every bad key.
export function describeServiceLifecycle(options: ServiceLifecycleOptions): void {
  describe(`${options.name} service lifecycle`, () => {
    let nats: ManagedServer;
    let scope: TestScope;
    let service: RunningService;

    beforeAll(async () => {
      nats = await startDedicatedNats();
      scope = createTestScope({ natsUrl: nats.url });
      service = await options.boot(serviceEnv(scope, options.extraEnv));
    });

    afterAll(async () => {
      await service.close();
      await scope.cleanup();
      await nats.dispose();
    });

    it('answers 200 on /health/live and /health/ready with NATS and Mongo up', async () => {
      expect(await status(`${service.url}/health/live`)).toBe(200);
      const ready = await fetch(`${service.url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        service: options.name,
        ready: true,
        checks: { nats: { up: true }, mongo: { up: true } },
      });
    });

    if (options.rpcHealth) {
      const rpcHealth = options.rpcHealth;
      it('answers its health RPC over NATS under its bus prefix', async () => {
        await expect(rpcHealth(nats.url, scope.busPrefix)).resolves.toMatchObject({ ready: true });
      });
    }

    it('turns ready to 503 while NATS is down and back to 200 after it restarts', async () => {
      await nats.stop();
      await waitFor(async () => (await status(`${service.url}/health/ready`)) === 503, {
        description: 'ready 503',
        timeoutMs: 15_000,
      });
      expect(await status(`${service.url}/health/live`)).toBe(200);
      await nats.start();
      await waitFor(async () => (await status(`${service.url}/health/ready`)) === 200, {
        description: 'ready 200',
        timeoutMs: 30_000,
      });
    });

    it('exits non-zero and names every bad key when started with a bad env', async () => {
      const run = await runNode(options.mainPath, {
        PORT: 'not-a-port',
        NATS_URL: 'http://wrong',
        LOG_LEVEL: 'chatty',
      });
      expect(run.code).toBe(1);
      for (const key of ['PORT', 'NATS_URL', 'MONGO_URL', 'LOG_LEVEL']) expect(run.stderr).toContain(`- ${key}:`);
      expect(run.stderr).toContain('MONGO_URL: Required');
    });
  });
}
