import { baseEnvSchema, parseEnv } from '@seatwise/shared/config/env';
import { consumers } from '@seatwise/shared/contracts/consumers';
import { streamName } from '@seatwise/shared/bus/subjects';
import { createLogger } from '@seatwise/shared/logging/logger';
import type { ManagedServer } from '@seatwise/testing/infra/managed-server';
import { startDedicatedNats } from '@seatwise/testing/infra/provision';
import { waitFor } from '@seatwise/testing/wait';
import { Clock } from '../clock/clock';
import { newInstanceId } from '../service-info';
import { BusConnection } from './bus-connection';
import { EventBus } from './event-bus';

// #18: a replica whose NATS node restarted while it set up its durable consumers exited (JetStream's API timed out;
// 8 start failures in a fault run). Its set-up now waits for JetStream to answer.
// Mutation noted: ensureConsumer called without untilAnswered (event-bus.ts): durableConsumer rejects with the
// TimeoutError and the spec fails.
describe('EventBus while JetStream does not answer', () => {
  let nats: ManagedServer;
  let connection: BusConnection | undefined;

  beforeAll(async () => {
    nats = await startDedicatedNats();
  });

  afterAll(async () => {
    await connection?.nc.close();
    await nats.dispose();
  });

  it('sets up a durable consumer once the restarted server answers, saying it waits', async () => {
    const lines: string[] = [];
    const logger = createLogger('alerts', 'warn', { write: (line: string) => void lines.push(line) });
    const env = parseEnv(baseEnvSchema, {
      NATS_URL: nats.url,
      MONGO_URL: 'mongodb://127.0.0.1:1',
      MONGO_DB: 'unused',
      SEATWISE_BUS_PREFIX: 'busdown',
      PORT: '0',
      HOST: '127.0.0.1',
    });
    connection = await BusConnection.open({ url: nats.url }, 'alerts', logger);
    const info = { name: 'alerts' as const, version: 'spec', startedAt: new Date(), instanceId: newInstanceId() };
    const bus = new EventBus(connection, env, info, logger, new Clock());
    await bus.onModuleInit();

    await nats.stop();
    let failed: unknown;
    const setUp = bus.durableConsumer(consumers.alertsSyncStatus).catch((error: unknown) => {
      failed = error;
      return null;
    });
    const waiting = (line: string): boolean => line.includes('JetStream (consumer alerts-sync-status) is out of reach');
    const outcome = await waitFor(() => (failed !== undefined ? 'failed' : lines.some(waiting) && 'waiting'), {
      timeoutMs: 30_000,
      description: 'a warning that JetStream does not answer',
    });
    // Without the wait, the set-up's TimeoutError shows here.
    expect(outcome === 'failed' ? failed : outcome).toBe('waiting');
    await nats.start();

    expect(await setUp).not.toBeNull();
    const stream = streamName('busdown', consumers.alertsSyncStatus.stream);
    const created = await connection.jsm.consumers.info(stream, consumers.alertsSyncStatus.durable);
    expect(created.config.durable_name).toBe('alerts-sync-status');
    await bus.onApplicationShutdown();
  }, 120_000);
});
