import { findBinary } from './binaries';
import { ContainerServer } from './container-server';
import { dockerAvailable } from './docker';
import { freePort } from './free-port';
import { LocalProcessServer } from './local-process-server';
import type { ManagedServer } from './managed-server';

export const HOW_TO_PROVIDE = [
  'Provide NATS (JetStream) and a MongoDB-wire server in one of three ways:',
  '  1. set NATS_URL and MONGO_URL to running servers;',
  '  2. run a Docker engine (testcontainers starts nats:2.10 -js and mongo:7);',
  '  3. put nats-server and mongod (or ferretdb) on PATH; `bash .ci/run` installs nats-server and FerretDB.',
].join('\n');

export class InfrastructureUnavailableError extends Error {
  constructor(what: string) {
    super(`No ${what} available.\n${HOW_TO_PROVIDE}`);
  }
}

// Restartable NATS with JetStream, dedicated to the caller: a container when Docker answers, else a
// local nats-server.
export async function createNats(): Promise<ManagedServer> {
  const port = await freePort();
  const url = (p: number): string => `nats://127.0.0.1:${p}`;
  if (await dockerAvailable()) {
    return new ContainerServer({ kind: 'nats', image: 'nats:2.10', command: ['-js', '-sd', '/data'], containerPort: 4222, hostPort: port, dataPath: '/data', url });
  }
  const binary = findBinary('nats-server');
  if (!binary) throw new InfrastructureUnavailableError('NATS server');
  return new LocalProcessServer({
    kind: 'nats',
    description: 'nats-server -js',
    binary,
    args: (p, dir) => ['-a', '127.0.0.1', '-p', String(p), '-js', '-sd', dir],
    url,
    port,
  });
}

// Restartable MongoDB-wire server: a mongo:7 container, else local mongod, else local FerretDB.
export async function createMongo(): Promise<ManagedServer> {
  const port = await freePort();
  if (await dockerAvailable()) {
    const url = (p: number): string => `mongodb://127.0.0.1:${p}/?directConnection=true`;
    return new ContainerServer({ kind: 'mongo', image: 'mongo:7', command: ['--bind_ip_all'], containerPort: 27017, hostPort: port, dataPath: '/data/db', url });
  }
  const url = (p: number): string => `mongodb://127.0.0.1:${p}/`;
  const mongod = findBinary('mongod');
  if (mongod) {
    return new LocalProcessServer({ kind: 'mongo', description: 'mongod', binary: mongod, args: (p, dir) => ['--dbpath', dir, '--port', String(p), '--bind_ip', '127.0.0.1', '--quiet'], url, port });
  }
  const ferretdb = findBinary('ferretdb');
  if (!ferretdb) throw new InfrastructureUnavailableError('MongoDB-wire server');
  return new LocalProcessServer({ kind: 'mongo', description: 'FerretDB (sqlite)', binary: ferretdb, args: ferretArgs, url, port });
}

function ferretArgs(port: number, dir: string): string[] {
  return [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/`,
    `--state-dir=${dir}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=warn',
  ];
}
