import { findBinary } from './binaries';

// How to run one of the servers Seatwise needs as a local process: the stack runs it under its supervisor, the
// test harness as a restartable LocalProcessServer. Both bind to 127.0.0.1 only.
export interface LocalServer {
  kind: 'nats' | 'mongo';
  program: 'nats-server' | 'mongod' | 'ferretdb';
  description: string;
  binary: string;
  args: (port: number, dataDir: string) => string[];
  url: (port: number) => string;
}

export function natsServer(binary: string): LocalServer {
  return {
    kind: 'nats',
    program: 'nats-server',
    description: 'nats-server -js',
    binary,
    args: (port, dataDir) => ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dataDir],
    url: (port) => `nats://127.0.0.1:${port}`,
  };
}

export function mongodServer(binary: string): LocalServer {
  return {
    kind: 'mongo',
    program: 'mongod',
    description: 'mongod',
    binary,
    args: (port, dataDir) => ['--dbpath', dataDir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'],
    url: mongoUrl,
  };
}

// FerretDB 1.x on its embedded SQLite backend: a MongoDB-wire server with no database server behind it.
export function ferretdbServer(binary: string): LocalServer {
  return {
    kind: 'mongo',
    program: 'ferretdb',
    description: 'FerretDB (sqlite)',
    binary,
    args: (port, dataDir) => [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    url: mongoUrl,
  };
}

function mongoUrl(port: number): string {
  return `mongodb://127.0.0.1:${port}/`;
}

export function findLocalNats(env: NodeJS.ProcessEnv = process.env): LocalServer | null {
  const binary = findBinary('nats-server', env);
  return binary === null ? null : natsServer(binary);
}

// mongod when installed (the real thing), else an already built FerretDB.
export function findLocalMongo(env: NodeJS.ProcessEnv = process.env): LocalServer | null {
  const mongod = findBinary('mongod', env);
  if (mongod !== null) return mongodServer(mongod);
  const ferretdb = findBinary('ferretdb', env);
  return ferretdb === null ? null : ferretdbServer(ferretdb);
}
