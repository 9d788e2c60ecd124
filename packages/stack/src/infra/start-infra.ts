import { join } from 'node:path';
import type { StackPaths } from '../config/paths';
import { runToCompletion, type Supervisor } from '../process/supervisor';
import { waitUntil } from '../process/wait';
import { chooseMongo, MissingToolError, MONGO_HOWTO, mongoSpec, mongoUrl, natsSpec, natsUrl } from './infra-specs';
import { canConnect } from './tcp';

export interface InfraUrls { natsUrl: string; mongoUrl: string; mongoKind: string }

const INFRA_TIMEOUT_MS = 60_000;

export async function startInfra(supervisor: Supervisor, paths: StackPaths, ports: { nats: number; mongo: number }, say: (line: string) => void): Promise<InfraUrls> {
  const nats = natsSpec(paths.nats, ports.nats, paths.root);
  const mongo = await resolveMongo(supervisor, paths, say);
  const crashed = supervisor.firstUnexpectedExit();
  supervisor.start(nats);
  supervisor.start(mongoSpec(mongo.kind, mongo.binary, mongo.kind === 'mongod' ? paths.mongod : paths.ferretdb, ports.mongo, paths.root));
  await Promise.race([
    Promise.all([
      waitUntil(() => canConnect('127.0.0.1', ports.nats), { timeoutMs: INFRA_TIMEOUT_MS, what: `nats-server on port ${ports.nats}` }),
      waitUntil(() => canConnect('127.0.0.1', ports.mongo), { timeoutMs: INFRA_TIMEOUT_MS, what: `${mongo.kind} on port ${ports.mongo}` }),
    ]),
    crashed,
  ]);
  return { natsUrl: natsUrl(ports.nats), mongoUrl: mongoUrl(ports.mongo), mongoKind: mongo.kind };
}

// mongod if installed, else FerretDB, built on first use the way CI does and cached outside the repo.
async function resolveMongo(supervisor: Supervisor, paths: StackPaths, say: (line: string) => void): Promise<{ kind: 'mongod' | 'ferretdb'; binary: string }> {
  const choice = chooseMongo();
  if (choice.kind === 'mongod' || choice.kind === 'ferretdb') return choice;
  if (choice.kind === 'none') throw new MissingToolError(MONGO_HOWTO);
  say('no mongod or FerretDB found: building FerretDB once with Go (a few minutes; cached in ~/.cache/seatwise/bin)');
  const built: { path: string | null } = { path: null };
  const { status, tail } = await runToCompletion(supervisor, {
    name: 'provision', tier: 3, cwd: paths.root, env: process.env,
    command: 'bash', args: [join(paths.root, '.ci', 'provision-ferretdb.sh')],
    onStdout: (line) => {
      if (line.trim().startsWith('/')) built.path = line.trim();
      return false;
    },
  });
  if (status.code !== 0 || built.path === null) {
    throw new MissingToolError(`building FerretDB failed (bash .ci/provision-ferretdb.sh, ${status.code ?? status.signal ?? '?'}):\n${tail.join('\n')}\n\n${MONGO_HOWTO}`);
  }
  return { kind: 'ferretdb', binary: built.path };
}
