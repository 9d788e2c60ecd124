import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { BusIdentity } from '@seatwise/shared/contracts/bus-identities';
import { envSchema as alertsEnv } from '@seatwise/shared/config/alerts-env';
import { envSchema as connectorEnv } from '@seatwise/shared/config/connector-env';
import { envSchema as discoveryEnv } from '@seatwise/shared/config/discovery-env';
import { envSchema as gatewayEnv } from '@seatwise/shared/config/gateway-env';
import { envSchema as reconcileEnv } from '@seatwise/shared/config/reconcile-env';
import type { PortKey } from '../config/stack-env';
import type { ChildSpec } from '../process/supervised-child';

export interface AppDefinition {
  name: string;
  dir: string;
  // Who it is on the bus: its NATS user, with that identity's permissions.
  identity: BusIdentity;
  portKey: PortKey;
  schema: z.ZodObject;
}

// Start order does not matter (each waits for NATS and MongoDB); the gateway is last for readable logs.
export const APPS: readonly AppDefinition[] = [
  {
    name: 'connector',
    dir: 'duo-connector',
    identity: 'duo-connector',
    portKey: 'SEATWISE_CONNECTOR_PORT',
    schema: connectorEnv,
  },
  {
    name: 'discovery',
    dir: 'discovery',
    identity: 'discovery',
    portKey: 'SEATWISE_DISCOVERY_PORT',
    schema: discoveryEnv,
  },
  {
    name: 'reconcile',
    dir: 'reconcile',
    identity: 'reconcile',
    portKey: 'SEATWISE_RECONCILE_PORT',
    schema: reconcileEnv,
  },
  { name: 'alerts', dir: 'alerts', identity: 'alerts', portKey: 'SEATWISE_ALERTS_PORT', schema: alertsEnv },
  { name: 'gateway', dir: 'gateway', identity: 'gateway', portKey: 'SEATWISE_GATEWAY_PORT', schema: gatewayEnv },
];

export interface AppContext {
  root: string;
  natsUrl: string;
  mongoUrl: string;
  // Secrets handed only to the apps whose env schema declares the key.
  secrets: Record<string, string>;
  // Each app's own NATS password, by its bus identity.
  busPasswords: Record<BusIdentity, string>;
  baseEnv: NodeJS.ProcessEnv;
}

// Set per app by the stack; a value in the caller's environment would point every app at one port/DB.
const STACK_OWNED = [
  'PORT',
  'HOST',
  'MONGO_DB',
  'NATS_URL',
  'MONGO_URL',
  'NATS_USER',
  'NATS_PASSWORD',
  'NATS_TLS_CA_FILE',
  'NATS_TLS_CERT_FILE',
  'NATS_TLS_KEY_FILE',
];

export function appMain(root: string, app: AppDefinition): string {
  return join(root, 'apps', app.dir, 'dist', 'main.js');
}

export function missingBuilds(root: string): string[] {
  return APPS.filter((app) => !existsSync(appMain(root, app))).map((app) => `apps/${app.dir}/dist/main.js`);
}

// replica: which of the service's count processes this is (from 0); with one, the process keeps the service's name.
export function appSpec(
  app: AppDefinition,
  port: number,
  context: AppContext,
  replica: { index: number; count: number } = { index: 0, count: 1 },
): ChildSpec {
  const env: NodeJS.ProcessEnv = { ...context.baseEnv };
  for (const key of STACK_OWNED) Reflect.deleteProperty(env, key);
  for (const [key, value] of Object.entries(context.secrets)) {
    if (key in app.schema.shape) env[key] = value;
    else Reflect.deleteProperty(env, key);
  }
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    NATS_URL: context.natsUrl,
    NATS_PASSWORD: context.busPasswords[app.identity],
    MONGO_URL: context.mongoUrl,
  });
  return {
    // Its log prefix and pid-file entry. Each replica is its own process, so each draws its own instance id (host,
    // pid and a random part, platform/service-info.ts): what leases name as their holder.
    name: replica.count === 1 ? app.name : `${app.name}-${replica.index + 1}`,
    tier: 2,
    cwd: context.root,
    env,
    command: process.execPath,
    args: [appMain(context.root, app)],
  };
}

export const readyUrl = (port: number): string => `http://127.0.0.1:${port}/health/ready`;

export interface AppProcess {
  app: AppDefinition;
  // Which of the service's replicas (from 0).
  replica: number;
  port: number;
  spec: ChildSpec;
}

// Every process of every service: one per port in replicaPorts (the first on the service's own port), else one.
export function appProcesses(
  ports: Record<PortKey, number>,
  replicaPorts: Partial<Record<PortKey, readonly number[]>>,
  context: AppContext,
): AppProcess[] {
  return APPS.flatMap((app) => {
    const own = replicaPorts[app.portKey] ?? [ports[app.portKey]];
    return own.map((port, index) => ({
      app,
      replica: index,
      port,
      spec: appSpec(app, port, context, { index, count: own.length }),
    }));
  });
}
