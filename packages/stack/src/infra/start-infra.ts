import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFerretdbPath } from '@seatwise/infra/ferretdb-build';
import { natsServerConfig } from '@seatwise/shared/bus/nats-server-config';
import type { BusIdentity } from '@seatwise/shared/contracts/bus-identities';
import { ferretdbServer, type LocalServer } from '@seatwise/infra/local-servers';
import { waitForPort } from '@seatwise/infra/tcp';
import type { StackPaths } from '../config/paths';
import type { SupervisedChild } from '../process/supervised-child';
import { runToCompletion, type Supervisor } from '../process/supervisor';
import { provisionBus, provisionBusWhenReady } from './provision-bus';
import { startNatsCluster } from './start-nats-cluster';
import { chooseMongo, findNats, MissingToolError, MONGO_HOWTO, serverSpec } from './infra-specs';

export interface InfraUrls {
  natsUrl: string;
  mongoUrl: string;
  mongoKind: string;
  // The servers' processes (every NATS node in order, the MongoDB-wire server): the fault run
  // (src/faults/) stops and restarts them with their own spec, so with the same store and data dir.
  processes: { nats: SupervisedChild[]; mongo: SupervisedChild };
}

const INFRA_TIMEOUT_MS = 60_000;
// JetStream keeps at most five copies of a stream.
const MAX_STREAM_REPLICAS = 5;

// The stack's bus is authorized like a deployment's: one NATS user per service plus the stream provisioner.
export interface StackBus {
  prefix: string;
  passwords: Record<BusIdentity, string>;
}

export async function startInfra(
  supervisor: Supervisor,
  paths: StackPaths,
  // natsCluster: each node's client and route port, for a JetStream cluster instead of the single server on `nats`.
  ports: { nats: number; mongo: number; natsCluster?: readonly { client: number; route: number }[] },
  bus: StackBus,
  say: (line: string) => void,
): Promise<InfraUrls> {
  const cluster = ports.natsCluster ?? [];
  if (cluster.length > 1) return startClusteredInfra(supervisor, paths, { ...ports, natsCluster: cluster }, bus, say);
  const nats = authorizedNats(findNats(), paths, bus);
  const mongo = await resolveMongo(supervisor, paths, say);
  const crashed = supervisor.firstUnexpectedExit();
  const natsChild = supervisor.start(serverSpec(nats, paths.nats, ports.nats, paths.root));
  const mongoChild = startMongo(supervisor, paths, mongo, ports.mongo);
  await Promise.race([
    Promise.all([
      waitForPort('127.0.0.1', ports.nats, { what: nats.program, timeoutMs: INFRA_TIMEOUT_MS }),
      waitForPort('127.0.0.1', ports.mongo, { what: mongo.program, timeoutMs: INFRA_TIMEOUT_MS }),
    ]),
    crashed,
  ]);
  const natsUrl = nats.url(ports.nats);
  await provisionBus({
    url: natsUrl,
    credentials: { user: 'provisioner', pass: bus.passwords.provisioner },
    prefix: bus.prefix,
  });
  return {
    natsUrl,
    mongoUrl: mongo.url(ports.mongo),
    mongoKind: mongo.program,
    processes: { nats: [natsChild], mongo: mongoChild },
  };
}

// A JetStream cluster of natsCluster.length nodes and the MongoDB-wire server; the streams at one copy per node.
async function startClusteredInfra(
  supervisor: Supervisor,
  paths: StackPaths,
  ports: { mongo: number; natsCluster: readonly { client: number; route: number }[] },
  bus: StackBus,
  say: (line: string) => void,
): Promise<InfraUrls> {
  const natsBinary = findNats();
  const mongo = await resolveMongo(supervisor, paths, say);
  const crashed = supervisor.firstUnexpectedExit();
  const mongoChild = startMongo(supervisor, paths, mongo, ports.mongo);
  const [cluster] = await Promise.race([
    Promise.all([
      startNatsCluster(
        supervisor,
        natsBinary,
        { dir: paths.dir, cwd: paths.root, ports: ports.natsCluster, timeoutMs: INFRA_TIMEOUT_MS },
        bus,
      ),
      waitForPort('127.0.0.1', ports.mongo, { what: mongo.program, timeoutMs: INFRA_TIMEOUT_MS }),
    ]),
    crashed,
  ]);
  const replicas = Math.min(cluster.nodes.length, MAX_STREAM_REPLICAS);
  say(
    `${cluster.nodes.length} NATS nodes are up; provisioning the streams at R${replicas} once JetStream has a leader`,
  );
  const aborted = new AbortController();
  crashed.catch(() => {
    aborted.abort(new Error('a process of the stack exited'));
  });
  await Promise.race([
    provisionBusWhenReady(
      {
        url: cluster.url,
        credentials: { user: 'provisioner', pass: bus.passwords.provisioner },
        prefix: bus.prefix,
        replicas,
      },
      { timeoutMs: INFRA_TIMEOUT_MS, signal: aborted.signal },
    ),
    crashed,
  ]);
  return {
    natsUrl: cluster.url,
    mongoUrl: mongo.url(ports.mongo),
    mongoKind: mongo.program,
    processes: { nats: cluster.children, mongo: mongoChild },
  };
}

// mongod and FerretDB keep their data apart: switching from one to the other starts from an empty database.
function startMongo(supervisor: Supervisor, paths: StackPaths, mongo: LocalServer, port: number): SupervisedChild {
  const mongoDir = mongo.program === 'mongod' ? paths.mongod : paths.ferretdb;
  return supervisor.start(serverSpec(mongo, mongoDir, port, paths.root));
}

// nats-server with the generated authorization, rewritten at every start (passwords live in secrets.json).
function authorizedNats(nats: LocalServer, paths: StackPaths, bus: StackBus): LocalServer {
  const configFile = join(paths.dir, 'nats.json');
  writeFileSync(configFile, natsServerConfig({ passwords: bus.passwords, prefix: bus.prefix }), { mode: 0o600 });
  return { ...nats, args: (port, dataDir) => [...nats.args(port, dataDir), '-c', configFile] };
}

// mongod if installed, else FerretDB, built on first use the way CI does and cached outside the repo.
async function resolveMongo(
  supervisor: Supervisor,
  paths: StackPaths,
  say: (line: string) => void,
): Promise<LocalServer> {
  const choice = chooseMongo(paths.root);
  if (choice.kind === 'found') return choice.server;
  if (choice.kind === 'none') throw new MissingToolError(MONGO_HOWTO);
  say('no mongod or FerretDB found: building FerretDB once with Go (a few minutes; cached in ~/.cache/seatwise/bin)');
  const built: { path: string | null } = { path: null };
  const { status, tail } = await runToCompletion(supervisor, {
    name: 'provision',
    tier: 3,
    cwd: paths.root,
    env: process.env,
    ...choice.build,
    onStdout: (line) => {
      built.path = builtFerretdbPath(line) ?? built.path;
      return false;
    },
  });
  if (status.code !== 0 || built.path === null) {
    const how = `bash .ci/provision-ferretdb.sh, ${status.code ?? status.signal ?? '?'}`;
    throw new MissingToolError(`building FerretDB failed (${how}):\n${tail.join('\n')}\n\n${MONGO_HOWTO}`);
  }
  return ferretdbServer(built.path);
}
