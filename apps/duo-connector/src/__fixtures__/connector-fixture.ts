import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DuoSimOptions } from '@seatwise/duo-simulator/options';
import { startDuoSimulator, type DuoSimulator } from '@seatwise/duo-simulator/server';
import { startService, type StartedService } from '@seatwise/platform/testing/start-service';
import { connectSpecBus } from '@seatwise/platform/testing/spec-bus';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import { streamName } from '@seatwise/shared/bus/subjects';
import { envSchema } from '@seatwise/shared/config/connector-env';
import type { IntegrationInput } from '@seatwise/shared/contracts/connector-views';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import type { StreamKey } from '@seatwise/shared/contracts/streams';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { service } from '../service';
import { fastConnectorEnv, outboundAllowEnv } from '@seatwise/testing/service-env';

export type Truth = Awaited<ReturnType<DuoSimulator['truth']>>;

export function startSim(options: DuoSimOptions): Promise<DuoSimulator> {
  return startDuoSimulator({ rateLimits: false, historyDays: 20, usersPerAccount: 40, apps: 12, ...options });
}

export function connectorEnv(scope: TestScope, extra: Record<string, string> = {}): Record<string, string> {
  return serviceEnv(scope, { ...fastConnectorEnv(8), ...extra });
}

// A simulated Duo, a fresh test scope, and a bus connection with an RPC client to drive and watch the
// connector; `connector` when it runs in-process (startConnectorRun).
export interface SimRun {
  sim: DuoSimulator;
  scope: TestScope;
  nc: NatsConnection;
  rpc: RpcClient;
  connector?: StartedService;
  // The number of messages in one of the scope's streams, and all of them.
  streamCount(key: StreamKey): Promise<number>;
  readStream<T>(key: StreamKey): Promise<T[]>;
}
export type ConnectorRun = SimRun & { connector: StartedService };

// A spec's own NATS or MongoDB (one it takes down), instead of the shared ones.
type Servers = Parameters<typeof createTestScope>[0];

export async function startSimRun(options: DuoSimOptions, servers?: Servers): Promise<SimRun> {
  const sim = await startSim(options);
  const scope = createTestScope(servers);
  const { nc, rpc } = await connectSpecBus(scope, 'connector-spec', 30_000);
  return {
    sim,
    scope,
    nc,
    rpc,
    streamCount: (key) => streamCount(nc, scope.busPrefix, key),
    readStream: <T>(key: StreamKey) => readStream<T>(nc, scope.busPrefix, key),
  };
}

export async function startConnectorRun(
  options: DuoSimOptions,
  { servers, env }: { servers?: Servers; env?: Record<string, string> } = {},
): Promise<ConnectorRun> {
  const run = await startSimRun(options, servers);
  // The simulator is reached as the operator allows it: by its exact host:port (children's too: they share it).
  const outbound = outboundAllowEnv(run.sim.url);
  return {
    ...run,
    connector: await startService(service, envSchema, connectorEnv(run.scope, { ...outbound, ...env })),
  };
}

// Stops a run (the connector first); nothing when it never started.
export async function stopRun(run: SimRun | undefined): Promise<void> {
  if (!run) return;
  await run.connector?.close();
  await run.nc.close();
  await run.sim.close();
  await run.scope.cleanup();
}

// An integration of the simulator's MSP parent (Accounts API), or of one Admin API key pair.
export function mspIntegration(sim: DuoSimulator, name = 'MSP'): IntegrationInput {
  return simIntegration(sim, name, 'accounts', sim.info.accountsApi);
}
export function adminIntegration(
  sim: DuoSimulator,
  name: string,
  keys: { ikey: string; skey: string },
): IntegrationInput {
  return simIntegration(sim, name, 'admin', keys);
}
function simIntegration(
  sim: DuoSimulator,
  name: string,
  kind: IntegrationInput['kind'],
  keys: { ikey: string; skey: string },
): IntegrationInput {
  return { name, kind, apiHostname: sim.url, integrationKey: keys.ikey, secretKey: keys.skey };
}

async function streamCount(nc: NatsConnection, prefix: string, key: StreamKey): Promise<number> {
  const jsm = await jetstreamManager(nc);
  return (await jsm.streams.info(streamName(prefix, key))).state.messages;
}

// Reads every message of a stream with an ordered consumer (no durable left behind).
async function readStream<T>(nc: NatsConnection, prefix: string, key: StreamKey): Promise<T[]> {
  const total = await streamCount(nc, prefix, key);
  const consumer = await jetstream(nc).consumers.get(streamName(prefix, key));
  const out: T[] = [];
  while (out.length < total) {
    const batch = await consumer.fetch({ max_messages: Math.min(5_000, total - out.length), expires: 5_000 });
    for await (const m of batch) out.push(m.json<T>());
  }
  return out;
}

// The acceptance check of auth logs: every event of every simulated account published exactly once.
export async function expectEveryAuthEventOnce(run: SimRun): Promise<void> {
  const { accounts } = run.sim.truth();
  const events = await run.readStream<DuoAuthLogEvent>('DUO_AUTHLOGS');
  expect(events).toHaveLength(accounts.reduce((n, a) => n + a.auth_events, 0));
  for (const account of accounts) {
    const txids = events.filter((e) => e.accountId === account.account_id).map((e) => e.record.txid);
    expect(new Set(txids).size).toBe(account.auth_events);
    expect(txids).toHaveLength(account.auth_events);
  }
}

export function truthByAccount(truth: Truth): Map<string, Truth['accounts'][number]> {
  return new Map(truth.accounts.map((a) => [a.account_id, a]));
}
