import { mkdirSync } from 'node:fs';
import { ferretdbBuild, type FerretdbBuild } from '@seatwise/infra/ferretdb-build';
import { findLocalMongo, findLocalNats, type LocalServer } from '@seatwise/infra/local-servers';
import type { ChildSpec } from '../process/supervised-child';

export class MissingToolError extends Error {}

export const NATS_HOWTO = [
  'nats-server (with JetStream) is needed and was not found on PATH, /usr/sbin or /usr/local/sbin.',
  'Install it, then run the command again:',
  '  Debian/Ubuntu: sudo apt-get install nats-server',
  '  macOS:         brew install nats-server',
  '  elsewhere:     https://github.com/nats-io/nats-server/releases (put nats-server on PATH)',
  'Or run everything in containers: docker compose up --build',
].join('\n');

export const MONGO_HOWTO = [
  'A MongoDB-wire server is needed: neither mongod nor FerretDB was found, and Go is not installed to build FerretDB.',
  'Do one of these, then run the command again:',
  '  install MongoDB 7 (mongod on PATH): https://www.mongodb.com/docs/manual/administration/install-community/',
  '  install Go >= 1.22 (https://go.dev/doc/install): FerretDB is then built once into ~/.cache/seatwise/bin',
  '    (the same way CI does, bash .ci/provision-ferretdb.sh)',
  'Or run everything in containers: docker compose up --build',
].join('\n');

export function findNats(): LocalServer {
  const nats = findLocalNats();
  if (!nats) throw new MissingToolError(NATS_HOWTO);
  return nats;
}

export type MongoChoice =
  { kind: 'found'; server: LocalServer } | { kind: 'build'; build: FerretdbBuild } | { kind: 'none' };

// mongod when installed, else FerretDB (already built, or buildable with Go).
export function chooseMongo(repoRoot: string): MongoChoice {
  const server = findLocalMongo();
  if (server) return { kind: 'found', server };
  const build = ferretdbBuild(repoRoot);
  return build ? { kind: 'build', build } : { kind: 'none' };
}

// The server as a child of the stack, bound to 127.0.0.1 and keeping its data in the stack's directory.
export function serverSpec(server: LocalServer, dataDir: string, port: number, cwd: string): ChildSpec {
  mkdirSync(dataDir, { recursive: true });
  // Children get only what they need of the runner's environment (no secrets): PATH, and HOME for the MongoDB-wire server.
  const env =
    server.kind === 'nats' ? { PATH: process.env['PATH'] } : { PATH: process.env['PATH'], HOME: process.env['HOME'] };
  return { name: server.kind, tier: 0, cwd, env, command: server.binary, args: server.args(port, dataDir) };
}
