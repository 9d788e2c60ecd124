import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DuoSimOptions } from '@seatwise/duo-simulator/options';
import { startDuoSimulator, type DuoSimulator } from '@seatwise/duo-simulator/server';
import { streamName } from '@seatwise/shared/bus/subjects';
import type { StreamKey } from '@seatwise/shared/contracts/streams';
import { serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { randomBytes } from 'node:crypto';

export type Truth = Awaited<ReturnType<DuoSimulator['truth']>>;

export function startSim(options: DuoSimOptions): Promise<DuoSimulator> {
  return startDuoSimulator({ rateLimits: false, historyDays: 20, usersPerAccount: 40, apps: 12, ...options });
}

// Fast pacing and retries: the simulator has no real budget to protect, and specs must not wait.
export function connectorEnv(scope: TestScope, extra: Record<string, string> = {}): Record<string, string> {
  return serviceEnv(scope, {
    SEATWISE_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    CONNECTOR_LOGS_PER_MINUTE: '60000',
    CONNECTOR_LOG_POLL_INTERVAL_MS: '2000',
    CONNECTOR_OBJECTS_PER_MINUTE: '60000',
    CONNECTOR_DUO_RETRY_BASE_MS: '2',
    CONNECTOR_DUO_RATE_LIMIT_RETRY_BASE_MS: '5',
    CONNECTOR_DUO_MAX_ATTEMPTS: '8',
    ...extra,
  });
}

export async function streamCount(nc: NatsConnection, prefix: string, key: StreamKey): Promise<number> {
  const jsm = await jetstreamManager(nc);
  return (await jsm.streams.info(streamName(prefix, key))).state.messages;
}

// Reads every message of a stream with an ordered consumer (no durable left behind).
export async function readStream<T>(nc: NatsConnection, prefix: string, key: StreamKey): Promise<T[]> {
  const total = await streamCount(nc, prefix, key);
  const consumer = await jetstream(nc).consumers.get(streamName(prefix, key));
  const out: T[] = [];
  while (out.length < total) {
    const batch = await consumer.fetch({ max_messages: Math.min(5_000, total - out.length), expires: 5_000 });
    for await (const m of batch) out.push(m.json<T>());
  }
  return out;
}

export function truthByAccount(truth: Truth): Map<string, Truth['accounts'][number]> {
  return new Map(truth.accounts.map((a) => [a.account_id, a]));
}
