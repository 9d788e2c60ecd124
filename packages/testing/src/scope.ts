import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

export interface TestScope {
  natsUrl: string;
  mongoUrl: string;
  // Unique per test file, so files running in parallel never see each other's data or events.
  dbName: string;
  busPrefix: string;
  // Drops the database and deletes every stream of this prefix.
  cleanup(): Promise<void>;
}

// The env every service needs to run inside a scope: its NATS, its database, its bus prefix, a free port.
export function serviceEnv(
  scope: Pick<TestScope, 'natsUrl' | 'mongoUrl' | 'dbName' | 'busPrefix'>,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NATS_URL: scope.natsUrl,
    MONGO_URL: scope.mongoUrl,
    MONGO_DB: scope.dbName,
    SEATWISE_BUS_PREFIX: scope.busPrefix,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    // Each service connects as its own NATS user (named like it) with the harness's password for services.
    ...harnessServicePassword(),
    ...extra,
  };
}

function harnessServicePassword(): { NATS_PASSWORD?: string } {
  const password = process.env['SEATWISE_TEST_NATS_SERVICE_PASSWORD'];
  return password ? { NATS_PASSWORD: password } : {};
}

// nats.js ignores credentials in a URL; the harness's URL carries its user's.
export function natsConnectOptions(url: string): { servers: string[]; user?: string; pass?: string } {
  const servers = url.split(',').map((s) => s.trim());
  const match = /^([a-z]+:\/\/)([^:@/]+):([^@/]*)@(.*)$/i.exec(servers[0] ?? '');
  if (!match) return { servers };
  const strip = (server: string): string => server.replace(/^([a-z]+:\/\/)[^@/]*@/i, '$1');
  return {
    servers: servers.map(strip),
    user: decodeURIComponent(match[2] ?? ''),
    pass: decodeURIComponent(match[3] ?? ''),
  };
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run integration specs through jest's integration project (globalSetup)`);
  }
  return value;
}

export function createTestScope(overrides: { natsUrl?: string; mongoUrl?: string } = {}): TestScope {
  const id = randomBytes(5).toString('hex');
  const scope = {
    natsUrl: overrides.natsUrl ?? requireEnv('SEATWISE_TEST_NATS_URL'),
    mongoUrl: overrides.mongoUrl ?? requireEnv('SEATWISE_TEST_MONGO_URL'),
    dbName: `test_${id}`,
    busPrefix: `t${id}`,
  };
  return { ...scope, cleanup: () => cleanupScope(scope) };
}

async function cleanupScope(scope: Omit<TestScope, 'cleanup'>): Promise<void> {
  await Promise.allSettled([dropDatabase(scope.mongoUrl, scope.dbName), deleteStreams(scope.natsUrl, scope.busPrefix)]);
}

export async function dropDatabase(url: string, dbName: string): Promise<void> {
  const connection = await mongoose.createConnection(url, { dbName, serverSelectionTimeoutMS: 3_000 }).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}

async function deleteStreams(url: string, prefix: string): Promise<void> {
  const nc = await connect({ ...natsConnectOptions(url), timeout: 3_000 });
  try {
    const jsm = await jetstreamManager(nc);
    const streamPrefix = `${prefix.toUpperCase().replace(/-/g, '_')}_`;
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(streamPrefix)) await jsm.streams.delete(stream.config.name);
    }
  } finally {
    await nc.close();
  }
}
