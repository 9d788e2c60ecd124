import { serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { type NodeProcess, startNode } from '@seatwise/testing/suites/run-node';
import { join } from 'node:path';
import { fastConnectorEnv } from '@seatwise/testing/service-env';
import { SEALING_ENV } from './sealing-env';

// The other services run as processes from their built entry points (apps never import apps).
const APPS = join(__dirname, '..', '..', '..');

export type UpstreamName = 'duo-connector' | 'discovery' | 'reconcile' | 'alerts';

function mainOf(name: UpstreamName): string {
  return join(APPS, name, 'dist', 'main.js');
}

// Each service gets its own database inside the scope; all share the scope's NATS prefix.
function upstreamEnv(scope: TestScope, name: UpstreamName, extra: Record<string, string> = {}): Record<string, string> {
  return serviceEnv(scope, {
    MONGO_DB: `${scope.dbName}_${name.replace(/-/g, '_')}`,
    LOG_LEVEL: 'warn',
    ...SEALING_ENV,
    ...(name === 'duo-connector' ? fastConnectorEnv(3) : {}),
    ...extra,
  });
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
