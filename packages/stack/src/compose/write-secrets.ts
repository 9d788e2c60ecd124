import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { runMain } from '@seatwise/shared/process/run-main';
import { ensureNatsTls } from './nats-tls';
import { DEFAULT_MONGO, type MongoTarget, volumeFiles } from './volume-files';
import { VOLUME_DIR, volumeLayout } from './volume-layout';
import { type LoadedSecrets, loadOrCreateVolumeSecrets } from './volume-secrets';

export interface WriteOptions {
  // Give each file to the user that reads it (compose runs the writer as root); specs leave files as they are.
  owners?: boolean;
  now?: Date;
  // Where the services' MONGO_URL points: `mongo` alone, or docker-compose.scale.yml's replica set.
  mongo?: MongoTarget;
}

export interface WriteResult extends LoadedSecrets {
  // Files created or changed by this run.
  written: string[];
}

function writeIfChanged(path: string, content: string, mode: number): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  writeFileSync(path, content, { mode });
  return true;
}

// docker-compose's one-shot `secrets` service: generates every key, password and the bus's TLS certificates once
// into the volume, and gives each service an env file with only its own secrets. No key lives in the image or in
// docker-compose.yml, and an existing volume keeps its keys.
export async function writeComposeSecrets(dir: string = VOLUME_DIR, options: WriteOptions = {}): Promise<WriteResult> {
  const layout = volumeLayout(dir);
  mkdirSync(layout.tls, { recursive: true });
  mkdirSync(layout.mongo, { recursive: true });
  const loaded = loadOrCreateVolumeSecrets(layout);
  const written = loaded.origin === 'kept' && loaded.added.length === 0 ? [] : [layout.secrets];
  written.push(...(await ensureNatsTls(layout, options.now)));
  if (!existsSync(layout.mongoKeyFile)) {
    // 756 bytes of base64 at most (mongod's limit); 512 random bytes make 684.
    writeFileSync(layout.mongoKeyFile, `${randomBytes(512).toString('base64')}\n`, { mode: 0o400 });
    written.push(layout.mongoKeyFile);
  }
  for (const file of volumeFiles(layout, loaded.secrets, options.mongo)) {
    if (file.content !== undefined && writeIfChanged(file.path, file.content, file.mode)) written.push(file.path);
    // Also for files kept from an earlier run: a volume from before per-service owners is brought in line.
    chmodSync(file.path, file.mode);
    if (options.owners === true) chownSync(file.path, file.owner, file.owner);
  }
  // Its keys live in secrets.json now (also when a run stopped before removing it); left in place it would hand
  // every key to whoever can read it.
  if (existsSync(layout.legacyEnv)) rmSync(layout.legacyEnv);
  return { ...loaded, written };
}

function report(result: WriteResult, dir: string): string[] {
  const lines: string[] = [];
  if (result.origin === 'created') {
    lines.push(`generated the keys and passwords into ${dir}`);
    // Printed this once, at generation: every later start keeps the volume and prints nothing of it.
    lines.push(`admin API key: ${result.secrets.adminApiKey}`);
  } else if (result.origin === 'upgraded') {
    lines.push(`upgraded ${dir}/stack.env into per-service files: its encryption, admin and sealing keys are kept`);
    if (result.ignoredLegacyKeys.length > 0) {
      lines.push(
        `not carried over from stack.env (set them in docker-compose.yml): ${result.ignoredLegacyKeys.join(', ')}`,
      );
    }
  } else {
    lines.push(`${dir} holds its keys already; keeping them`);
  }
  if (result.added.length > 0) lines.push(`generated what was missing: ${result.added.join(', ')}`);
  if (result.written.length > 0) lines.push(`wrote ${result.written.join(', ')}`);
  return lines;
}

// SEATWISE_MONGO_HOSTS (host:port,…) and SEATWISE_MONGO_REPLICA_SET, set by docker-compose.scale.yml; else `mongo`.
// A string is what is wrong with them.
export function mongoTargetFromEnv(env: NodeJS.ProcessEnv): MongoTarget | string {
  const hosts = env['SEATWISE_MONGO_HOSTS'];
  const replicaSet = env['SEATWISE_MONGO_REPLICA_SET'];
  if (hosts === undefined || hosts === '') {
    return replicaSet === undefined || replicaSet === ''
      ? DEFAULT_MONGO
      : 'SEATWISE_MONGO_REPLICA_SET needs SEATWISE_MONGO_HOSTS';
  }
  if (!/^[a-z0-9.-]+:\d{1,5}(,[a-z0-9.-]+:\d{1,5})*$/i.test(hosts)) {
    return `SEATWISE_MONGO_HOSTS must be host:port[,host:port…], not ${JSON.stringify(hosts)}`;
  }
  if (replicaSet !== undefined && replicaSet !== '' && !/^[A-Za-z0-9_-]{1,64}$/.test(replicaSet)) {
    return `SEATWISE_MONGO_REPLICA_SET must be letters, digits, _ or -, not ${JSON.stringify(replicaSet)}`;
  }
  return replicaSet === undefined || replicaSet === '' ? { hosts } : { hosts, replicaSet };
}

const USAGE = 'usage: node write-secrets.js [<dir>, default /secrets] [--owners]\n';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const owners = args.includes('--owners');
  const rest = args.filter((a) => a !== '--owners');
  if (rest.length > 1 || rest.some((a) => a.startsWith('-'))) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (owners && process.getuid?.() !== 0) {
    process.stderr.write('write-secrets: --owners gives files to other users and needs root (compose: user 0)\n');
    return 2;
  }
  const dir = rest[0] ?? VOLUME_DIR;
  const mongo = mongoTargetFromEnv(process.env);
  if (typeof mongo === 'string') {
    process.stderr.write(`write-secrets: ${mongo}\n`);
    return 2;
  }
  const result = await writeComposeSecrets(dir, { owners, mongo });
  for (const line of report(result, dir)) process.stdout.write(`${line}\n`);
  return 0;
}

if (require.main === module) runMain('write-secrets', main);
