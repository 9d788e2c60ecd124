import { LocalProcessServer } from '@seatwise/infra/local-process-server';
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

// Restartable NATS with JetStream, dedicated to the caller: a container when Docker answers, else a
// local nats-server.
export async function createNats(): Promise<ManagedServer> {
  const port = await freePort();
  if (await dockerAvailable()) {
    return new ContainerServer({
      kind: 'nats',
      image: 'nats:2.10',
      command: ['-js', '-sd', '/data'],
      containerPort: 4222,
      hostPort: port,
      dataPath: '/data',
      url: (p) => `nats://127.0.0.1:${p}`,
    });
  }
  const nats = findLocalNats();
  if (!nats) throw new InfrastructureUnavailableError('NATS server');
  return new LocalProcessServer(nats, port);
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
