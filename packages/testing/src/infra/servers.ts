import { readFileSync } from 'node:fs';
import { LocalProcessServer } from '@seatwise/infra/local-process-server';
import type { LocalServer } from '@seatwise/infra/local-servers';
import { findLocalMongo, findLocalNats } from '@seatwise/infra/local-servers';
import { freePort } from '@seatwise/infra/ports';
import { ContainerServer } from './container-server';
import { dockerAvailable } from './docker';
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

// The bus authorization the harness runs NATS with (see packages/platform/src/testing/harness-setup.ts):
// a nats-server configuration file with one user per Seatwise identity, and the harness's own user, whose
// credentials go into the URL the specs get.
interface HarnessBusAuth {
  configFile: string;
  harnessPassword: string;
}

function harnessBusAuth(env: NodeJS.ProcessEnv): HarnessBusAuth | null {
  const configFile = env['SEATWISE_TEST_NATS_CONFIG'];
  const harnessPassword = env['SEATWISE_TEST_NATS_HARNESS_PASSWORD'];
  return configFile && harnessPassword ? { configFile, harnessPassword } : null;
}

function natsUrl(port: number, auth: HarnessBusAuth | null): string {
  return auth === null ? `nats://127.0.0.1:${port}` : `nats://harness:${auth.harnessPassword}@127.0.0.1:${port}`;
}

// Restartable NATS with JetStream, dedicated to the caller: a container when Docker answers, else a
// local nats-server. Authorized as the harness set up, when it did.
export async function createNats(env: NodeJS.ProcessEnv = process.env): Promise<ManagedServer> {
  const port = await freePort();
  const auth = harnessBusAuth(env);
  if (await dockerAvailable()) {
    const configTarget = '/etc/nats/seatwise.json';
    return new ContainerServer({
      kind: 'nats',
      image: 'nats:2.10',
      command: ['-js', '-sd', '/data', ...(auth === null ? [] : ['-c', configTarget])],
      containerPort: 4222,
      hostPort: port,
      dataPath: '/data',
      url: (p) => natsUrl(p, auth),
      files: auth === null ? [] : [{ content: readFileSync(auth.configFile, 'utf8'), target: configTarget }],
    });
  }
  const nats = findLocalNats();
  if (!nats) throw new InfrastructureUnavailableError('NATS server');
  const server: LocalServer =
    auth === null
      ? nats
      : {
          ...nats,
          args: (p, dataDir) => [...nats.args(p, dataDir), '-c', auth.configFile],
          url: (p) => natsUrl(p, auth),
        };
  return new LocalProcessServer(server, port);
}

// Restartable MongoDB-wire server: a mongo:7 container, else local mongod, else local FerretDB.
export async function createMongo(): Promise<ManagedServer> {
  const port = await freePort();
  if (await dockerAvailable()) {
    return new ContainerServer({
      kind: 'mongo',
      image: 'mongo:7',
      command: ['--bind_ip_all'],
      containerPort: 27017,
      hostPort: port,
      dataPath: '/data/db',
      url: (p) => `mongodb://127.0.0.1:${p}/?directConnection=true`,
    });
  }
  const mongo = findLocalMongo();
  if (!mongo) throw new InfrastructureUnavailableError('MongoDB-wire server');
  return new LocalProcessServer(mongo, port);
}
