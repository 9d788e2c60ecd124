import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStackProcess, type StackProcess } from '@seatwise/stack/__e2e__/stack-process';

export interface ConsoleStackOptions {
  demo: boolean;
  accounts: number;
  users: number;
  events: number;
  timeoutMs: number;
  // Further settings for the runner and every service (the bench lifts the gateway's rate limit).
  env?: NodeJS.ProcessEnv;
}

export interface ConsoleStack {
  stack: StackProcess;
  stop: () => Promise<void>;
}

// The stack exactly as `npm run stack` runs it (built services, simulators, NATS, the database) on free ports
// in a temporary directory, with the console served by the gateway.
export async function startConsoleStack(options: ConsoleStackOptions): Promise<ConsoleStack> {
  const dir = mkdtempSync(join(tmpdir(), 'seatwise-console-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    ...(process.env['SEATWISE_CACHE_DIR'] ? { SEATWISE_CACHE_DIR: process.env['SEATWISE_CACHE_DIR'] } : {}),
    NO_COLOR: '1',
    LOG_LEVEL: 'warn',
    SEATWISE_DEMO: options.demo ? 'on' : 'off',
    SEATWISE_DEMO_ACCOUNTS: String(options.accounts),
    SEATWISE_DEMO_USERS: String(options.users),
    SEATWISE_DEMO_EVENTS: String(options.events),
    SEATWISE_DEMO_LIVE: 'off',
    SEATWISE_GATEWAY_PORT: '0',
    SEATWISE_CONNECTOR_PORT: '0',
    SEATWISE_DISCOVERY_PORT: '0',
    SEATWISE_RECONCILE_PORT: '0',
    SEATWISE_DUO_SIM_PORT: '0',
    SEATWISE_PSA_SIM_PORT: '0',
    SEATWISE_NATS_PORT: '0',
    SEATWISE_MONGO_PORT: '0',
    SEATWISE_ALERTS_PORT: '0',
    SEATWISE_MAILPIT_SMTP_PORT: '0',
    SEATWISE_MAILPIT_HTTP_PORT: '0',
    ...options.env,
  };
  const stack = await startStackProcess(repoRoot(), dir, env, options.timeoutMs);
  return {
    stack,
    stop: async () => {
      await stack.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The repository root, from this file's place in apps/console/src/e2e/support (or dist-node/e2e/support).
export function repoRoot(): string {
  return resolve(__dirname, '..', '..', '..', '..', '..');
}
