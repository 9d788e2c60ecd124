import { mkdirSync } from 'node:fs';
import type { ChildSpec } from '../process/supervised-child';
import { findBinary } from './binaries';

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

export function natsSpec(dataDir: string, port: number, cwd: string): ChildSpec {
  const binary = findBinary('nats-server');
  if (!binary) throw new MissingToolError(NATS_HOWTO);
  mkdirSync(dataDir, { recursive: true });
  return { name: 'nats', tier: 0, cwd, env: { PATH: process.env['PATH'] }, command: binary, args: ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dataDir] };
}

export type MongoChoice = { kind: 'mongod' | 'ferretdb'; binary: string } | { kind: 'provision' } | { kind: 'none' };

// mongod when installed, else FerretDB (already built, or buildable with Go).
export function chooseMongo(): MongoChoice {
  const mongod = findBinary('mongod');
  if (mongod) return { kind: 'mongod', binary: mongod };
  const ferretdb = findBinary('ferretdb');
  if (ferretdb) return { kind: 'ferretdb', binary: ferretdb };
  return findBinary('go') ? { kind: 'provision' } : { kind: 'none' };
}

export function mongoSpec(kind: 'mongod' | 'ferretdb', binary: string, dataDir: string, port: number, cwd: string): ChildSpec {
  mkdirSync(dataDir, { recursive: true });
  const args = kind === 'mongod'
    ? ['--dbpath', dataDir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet']
    : [
        '--handler=sqlite', `--sqlite-url=file:${dataDir}/`, `--state-dir=${dataDir}`, `--listen-addr=127.0.0.1:${port}`,
        '--debug-addr=-', '--telemetry=disable', '--log-level=warn',
      ];
  return { name: 'mongo', tier: 0, cwd, env: { PATH: process.env['PATH'], HOME: process.env['HOME'] }, command: binary, args };
}

export const natsUrl = (port: number): string => `nats://127.0.0.1:${port}`;
export const mongoUrl = (port: number): string => `mongodb://127.0.0.1:${port}/`;
