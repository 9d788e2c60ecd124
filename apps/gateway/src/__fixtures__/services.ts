import { serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { type NodeProcess, startNode } from '@seatwise/testing/suites/run-node';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

// The other services run as processes from their built entry points (apps never import apps).
const APPS = join(__dirname, '..', '..', '..');

export type UpstreamName = 'duo-connector' | 'discovery' | 'reconcile';

function mainOf(name: UpstreamName): string {
  return join(APPS, name, 'dist', 'main.js');
}

// Each service gets its own database inside the scope; all share the scope's NATS prefix.
function upstreamEnv(scope: TestScope, name: UpstreamName, extra: Record<string, string> = {}): Record<string, string> {
  return serviceEnv(scope, {
    MONGO_DB: `${scope.dbName}_${name.replace(/-/g, '_')}`,
    LOG_LEVEL: 'warn',
    ...(name === 'duo-connector' ? connectorExtras() : {}),
    ...extra,
  });
}

// Fast pacing and retries: the simulator has no real budget to protect, and specs must not wait.
function connectorExtras(): Record<string, string> {
  return {
    SEATWISE_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    CONNECTOR_LOGS_PER_MINUTE: '60000',
    CONNECTOR_LOG_POLL_INTERVAL_MS: '2000',
    CONNECTOR_OBJECTS_PER_MINUTE: '60000',
    CONNECTOR_DUO_RETRY_BASE_MS: '2',
    CONNECTOR_DUO_RATE_LIMIT_RETRY_BASE_MS: '5',
    CONNECTOR_DUO_MAX_ATTEMPTS: '3',
  };
}

export function startUpstream(scope: TestScope, name: UpstreamName, extra: Record<string, string> = {}): NodeProcess {
  return startNode(mainOf(name), upstreamEnv(scope, name, extra));
}

export async function stopUpstream(proc: NodeProcess): Promise<void> {
  proc.kill('SIGTERM');
  await proc.exited;
}

// The scope's cleanup drops its own database; the services' databases are dropped here.
export async function dropUpstreamDatabases(scope: TestScope, names: readonly UpstreamName[]): Promise<void> {
  const mongoose = (await import('mongoose')).default;
  const connection = await mongoose.createConnection(scope.mongoUrl, { serverSelectionTimeoutMS: 3_000 }).asPromise();
  try {
    for (const name of names) await connection.useDb(upstreamEnv(scope, name)['MONGO_DB'] ?? '').dropDatabase();
  } finally {
    await connection.close();
  }
}
