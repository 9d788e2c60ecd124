import type { NatsConnection } from '@nats-io/transport-node';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import { startNode, type NodeProcess } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import mongoose from 'mongoose';
import { join } from 'node:path';

// What the discovery benches share: discovery started as the real process (dist/main.js, the production
// V8 limits), its RPC client, percentiles, and the name of the database server measured.
export const MAIN = join(__dirname, '..', 'main.js');
// The V8 limits discovery runs with in production (docker-compose.yml); BENCH_DISCOVERY_NODE_OPTIONS overrides.
const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=128 --max-semi-space-size=16';

export function discoveryEnv(
  natsUrl: string,
  mongoUrl: string,
  prefix: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  // DISCOVERY_* tuning (batch size, wait) passes through from the bench's own environment.
  const tuning = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[0].startsWith('DISCOVERY_') && e[1] !== undefined,
    ),
  );
  return {
    NATS_URL: natsUrl,
    MONGO_URL: mongoUrl,
    MONGO_DB: `bench_${prefix}`,
    SEATWISE_BUS_PREFIX: prefix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_OPTIONS: process.env['BENCH_DISCOVERY_NODE_OPTIONS'] ?? PRODUCTION_NODE_OPTIONS,
    ...tuning,
    ...extra,
  };
}

export interface RunningDiscovery {
  process: NodeProcess;
  rpc: RpcClient;
  // How it exited (code or signal), once it has.
  exitedWith(): string | undefined;
}

// Starts discovery and waits until its health RPC says ready; a process that exits meanwhile fails with its output.
export async function startDiscovery(
  nc: NatsConnection,
  env: Record<string, string>,
  rpcTimeoutMs = 30_000,
): Promise<RunningDiscovery> {
  const child = startNode(MAIN, env);
  let exit: string | undefined;
  void child.exited.then((e) => (exit = e.signal ?? String(e.code)));
  const discovery = {
    process: child,
    rpc: new RpcClient(nc, env['SEATWISE_BUS_PREFIX'] ?? '', rpcTimeoutMs),
    exitedWith: () => exit,
  };
  try {
    await waitFor(
      async () => {
        assertAlive(discovery);
        return (await discovery.rpc.request('discovery.health', {})).ready;
      },
      { timeoutMs: 60_000, description: 'discovery ready' },
    );
  } catch (error) {
    await stop(child);
    throw error;
  }
  return discovery;
}

// Throws (with the end of its output) once the process has exited: a bench must not wait on a dead service.
export function assertAlive(discovery: RunningDiscovery): void {
  const exit = discovery.exitedWith();
  if (exit === undefined) return;
  throw new Error(
    `discovery exited (${exit}) during the bench; its output ends:\n${discovery.process.output().slice(-4_000)}`,
  );
}

export async function stop(discovery: NodeProcess): Promise<void> {
  discovery.kill('SIGTERM');
  await discovery.exited;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);

// "FerretDB v1.24.0" or "MongoDB 7.0.14", from the server's buildInfo (FerretDB 1.x adds ferretdbVersion).
export async function serverName(mongoUrl: string): Promise<string> {
  const connection = await mongoose.createConnection(mongoUrl).asPromise();
  try {
    const info: Record<string, unknown> = (await connection.db?.admin().command({ buildInfo: 1 })) ?? {};
    const ferret = info['ferretdbVersion'];
    if (typeof ferret === 'string') return `FerretDB ${ferret}`;
    const version = info['version'];
    return `MongoDB ${typeof version === 'string' ? version : 'unknown'}`;
  } finally {
    await connection.close();
  }
}
