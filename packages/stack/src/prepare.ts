import { mkdirSync, rmSync } from 'node:fs';
import { missingBuilds } from './services/app-specs';
import type { StackPaths } from './config/paths';
import { resolvePorts } from './config/resolve-ports';
import { loadOrCreateSecrets } from './config/secrets';
import type { PortKey, StackEnv } from './config/stack-env';
import { reapStale } from './process/pid-registry';
import { loadOrCreateSimState, type SimState } from './sims/sim-state';

export class StackStartError extends Error {}

export interface Prepared {
  ports: Record<PortKey, number>;
  secrets: { adminApiKey: string; encryptionKeys: string };
  simState: SimState;
}

// Everything that can fail before a process starts: builds, a running stack, stale leftovers, ports.
export async function prepare(
  paths: StackPaths,
  env: StackEnv,
  processEnv: NodeJS.ProcessEnv,
  fresh: boolean,
  say: (line: string) => void,
): Promise<Prepared> {
  const missing = missingBuilds(paths.root);
  if (missing.length > 0) {
    throw new StackStartError(
      `not built yet: ${missing.join(', ')}\nRun \`npm run build\` first (\`npm run stack\` does).`,
    );
  }
  mkdirSync(paths.dir, { recursive: true });
  const stale = reapStale(paths.pids);
  if (stale.otherRunner !== null) {
    throw new StackStartError(
      `another stack (pid ${stale.otherRunner}) is running with ${paths.dir}; stop it first (Ctrl-C there, or kill ${stale.otherRunner})`,
    );
  }
  for (const entry of stale.killed) say(`stopped ${entry.name} (pid ${entry.pid}) left running by a previous stack`);
  for (const entry of stale.unverified) {
    say(`warning: pid ${entry.pid} (${entry.name} of a previous stack) still runs something else; left alone`);
  }
  if (fresh) {
    rmSync(paths.dir, { recursive: true, force: true });
    mkdirSync(paths.dir, { recursive: true });
    say(`--fresh: removed the previous data in ${paths.dir}`);
  }
  const ports = await resolvePorts(env);
  const { secrets, created } = loadOrCreateSecrets(paths.secrets);
  if (created) say(`generated the admin API key and the encryption key into ${paths.secrets}`);
  const { state, changedSettings } = loadOrCreateSimState(paths.simulators, env);
  if (changedSettings.length > 0) {
    say(
      `note: ${changedSettings.join(', ')} differ from this stack's first start; the simulators keep the first values (start with --fresh to change them)`,
    );
  }
  return {
    ports,
    simState: state,
    // Values in the environment win, so an operator can bring their own keys.
    secrets: {
      adminApiKey: processEnv['SEATWISE_ADMIN_API_KEY'] ?? secrets.adminApiKey,
      encryptionKeys: processEnv['SEATWISE_ENCRYPTION_KEYS'] ?? secrets.encryptionKeys,
    },
  };
}
