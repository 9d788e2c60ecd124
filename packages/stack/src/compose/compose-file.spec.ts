import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { USAGE as DUO_SIM_USAGE } from '@seatwise/duo-simulator/cli-args';
import { USAGE as PSA_SIM_USAGE } from '@seatwise/psa-simulator/cli-args';
import { SEALING_KEY_ENV } from '@seatwise/shared/crypto/sealing-keys';
import { SECRET_HOLDERS } from '@seatwise/shared/contracts/secrets-rotation';
import { repoRoot } from '../config/paths';
import { demoEnvSchema } from '../demo/demo-env';
import { APPS } from '../services/app-specs';
import { busSetupEnvSchema } from './bus-setup-env';
import { type ComposeService, readComposeFile } from './compose-file';
import { parseEnvFile } from './env-file';
import { MONGO_UID, NATS_UID, SECRET_CONSUMERS } from './secret-consumers';
import { COMPOSE_BUS_PREFIX, volumeFiles } from './volume-files';
import { volumeLayout } from './volume-layout';
import type { VolumeSecrets } from './volume-secrets';
import { writeComposeSecrets } from './write-secrets';

const root = repoRoot(__dirname);
const compose = readComposeFile(root);
// Inside the containers the volume is /secrets; the writer runs into a temporary directory here.
const volume = volumeLayout();
const dir = mkdtempSync(join(tmpdir(), 'seatwise-compose-secrets-'));
const written = volumeLayout(dir);
let secrets: VolumeSecrets;

beforeAll(async () => {
  secrets = (await writeComposeSecrets(dir)).secrets;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

// The env files a service's command sources (`. /secrets/<name>.env`).
function sourcedFiles(svc: ComposeService): string[] {
  return [...(svc.command?.join(' ') ?? '').matchAll(/(?:^|&& )\. (\/secrets\/[\w-]+\.env)\b/g)].map((m) => m[1] ?? '');
}

// An env file as the writer wrote it, by its name inside the volume.
function envFile(inVolume: string): Record<string, string> {
  return parseEnvFile(readFileSync(join(dir, inVolume.slice(volume.dir.length)), 'utf8'));
}

// What a service's process sees: its environment plus the env file its command sources.
function effectiveEnv(svc: ComposeService): Record<string, string> {
  return Object.assign({ ...svc.environment }, ...sourcedFiles(svc).map(envFile)) as Record<string, string>;
}

// The source file behind a `node <path>/dist/<file>.js` in a command.
function entrySource(svc: ComposeService): string {
  const match = /node ((?:apps|packages)\/[\w-]+)\/dist\/([\w/-]+)\.js/.exec(svc.command?.join(' ') ?? '');
  if (!match?.[1] || !match[2]) throw new Error(`no node entry point in ${JSON.stringify(svc.command)}`);
  return join(root, match[1], 'src', `${match[2]}.ts`);
}

const mountsSecrets = (svc: ComposeService): boolean => svc.volumes.some((v) => v.startsWith('secrets:/secrets'));
const ownFile = (name: string): string => volume.envFile(name);

describe('docker-compose.yml', () => {
  it('runs NATS, MongoDB, the four services, both simulators, the secrets and bus set-up and the demo', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'alerts',
      'bus-setup',
      'demo',
      'discovery',
      'duo-connector',
      'duo-sim',
      'gateway',
      'mailpit',
      'mongo',
      'nats',
      'psa-sim',
      'reconcile',
      'secrets',
    ]);
    expect(service('gateway').ports).toContain('3000:3000');
  });

  it.each(APPS.map((app) => [app.dir, app] as const))('gives %s an environment its env schema accepts', (dir, app) => {
    const svc = service(dir);
    expect(existsSync(entrySource(svc))).toBe(true);
    expect(entrySource(svc)).toBe(join(root, 'apps', dir, 'src', 'main.ts'));
    const unknown = Object.keys(svc.environment).filter((key) => !(key in app.schema.shape) && key !== 'NODE_OPTIONS');
    expect(unknown).toEqual([]);
    const parsed = app.schema.safeParse(effectiveEnv(svc));
    expect(parsed.error?.issues ?? []).toEqual([]);
    // The health check probes the port the service listens on.
    expect(svc.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${svc.environment['PORT'] ?? ''}/health/ready`);
    expect(svc.depends_on['secrets']?.condition).toBe('service_completed_successfully');
    // Streams exist before any service checks them: only bus-setup may create them.
    expect(svc.depends_on['bus-setup']?.condition).toBe('service_completed_successfully');
    expect(svc.depends_on['nats']?.condition).toBe('service_healthy');
    expect(svc.depends_on['mongo']?.condition).toBe('service_healthy');
  });

  it('mounts the secrets volume only where it is read: the writer, NATS, MongoDB and the services it has a file for', () => {
    const mounting = Object.keys(compose.services).filter((name) => mountsSecrets(service(name)));
    expect(mounting.sort()).toEqual(['mongo', 'nats', 'secrets', ...SECRET_CONSUMERS.map((c) => c.service)].sort());
    for (const name of ['secrets', 'nats', 'mongo']) expect(sourcedFiles(service(name))).toEqual([]);
  });

  it.each(SECRET_CONSUMERS.map((c) => [c.service, c] as const))(
    '%s sources only its own env file, runs as its owner and reads the volume read-only',
    (name, consumer) => {
      const svc = service(name);
      expect(sourcedFiles(svc)).toEqual([ownFile(name)]);
      expect(svc.command?.join(' ')).toMatch(new RegExp(`^sh -c set -a && \\. ${ownFile(name)} && set \\+a && exec `));
      expect(svc.user).toBe(`${consumer.uid}:${consumer.uid}`);
      expect(svc.volumes).toContain('secrets:/secrets:ro');
      // Settings in the compose file, secrets only in the env file.
      const inFile = Object.keys(envFile(ownFile(name)));
      expect(Object.keys(svc.environment).filter((key) => inFile.includes(key))).toEqual([]);
    },
  );

  it('gives every service its own user, so file ownership keeps each env file to its service', () => {
    const uids = SECRET_CONSUMERS.map((c) => c.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids).not.toContain(0);
    expect(uids).not.toContain(MONGO_UID);
    for (const file of volumeFiles(written, secrets)) {
      const consumer = SECRET_CONSUMERS.find((c) => written.envFile(c.service) === file.path);
      if (consumer) expect(file).toMatchObject({ owner: consumer.uid, mode: 0o600 });
    }
  });

  it.each(SECRET_CONSUMERS.map((c) => [c.service, c] as const))(
    'writes %s an env file with only keys its env schema declares, and only its own passwords',
    (name, consumer) => {
      const env = envFile(ownFile(name));
      expect(Object.keys(env).filter((key) => !(key in consumer.schema.shape))).toEqual([]);
      expect(Object.keys(env).length).toBeGreaterThan(0);
      const text = readFileSync(written.envFile(name), 'utf8');
      const others = [
        ...Object.entries(secrets.busPasswords).filter(([id]) => id !== consumer.identity),
        ...Object.entries(secrets.mongoPasswords).filter(([user]) => user !== name),
      ];
      for (const [owner, password] of others) {
        expect({ owner, leaked: text.includes(password) }).toEqual({ owner, leaked: false });
      }
      if (consumer.identity !== null) expect(env['NATS_PASSWORD']).toBe(secrets.busPasswords[consumer.identity]);
      if (consumer.database !== null) {
        const url = new URL(env['MONGO_URL'] ?? '');
        expect(url.username).toBe(name);
        expect(url.pathname).toBe(`/${consumer.database}`);
        expect(url.searchParams.get('authSource')).toBe(consumer.database);
      }
    },
  );

  it("keeps the encryption keys and every private sealing key out of the gateway's env file", () => {
    const env = envFile(ownFile('gateway'));
    expect(Object.keys(env).sort()).toEqual([
      'GATEWAY_SEALING_PUBLIC_KEYS',
      'MONGO_URL',
      'NATS_PASSWORD',
      'SEATWISE_ADMIN_API_KEY',
    ]);
    const text = readFileSync(written.envFile('gateway'), 'utf8');
    expect(text).not.toContain(secrets.encryptionKeys.slice(secrets.encryptionKeys.indexOf(':') + 1));
    for (const holder of SECRET_HOLDERS) {
      expect(env).not.toHaveProperty(SEALING_KEY_ENV[holder]);
      expect(text).not.toContain(secrets.sealingKeys[holder].privateKey);
      // The sealing key reaches its own service only.
      const own = envFile(ownFile(holder));
      expect(own[SEALING_KEY_ENV[holder]]).toBe(secrets.sealingKeys[holder].privateKey);
      expect(own['SEATWISE_ENCRYPTION_KEYS']).toBe(secrets.encryptionKeys);
    }
  });

  it('runs NATS with the generated users, permissions and TLS, after the secrets are written', () => {
    const nats = service('nats');
    expect(nats.command).toEqual(['-c', volume.natsConfig, '-js', '-sd', '/data', '-m', '8222']);
    expect(nats.volumes).toContain('secrets:/secrets:ro');
    expect(nats.depends_on['secrets']?.condition).toBe('service_completed_successfully');
    expect(nats.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:8222/healthz');
    // The config points at the certificate and key where the writer put them.
    const config = JSON.parse(readFileSync(written.natsConfig, 'utf8')) as {
      tls: { cert_file: string; key_file: string };
    };
    expect(config.tls).toMatchObject({ cert_file: written.natsCert, key_file: written.natsKey });
    expect(volumeFiles(written, secrets).find((f) => f.path === written.natsKey)).toMatchObject({
      owner: NATS_UID,
      mode: 0o600,
    });
    for (const app of APPS) {
      expect(service(app.dir).environment).toMatchObject({
        NATS_URL: 'tls://nats:4222',
        NATS_TLS_CA_FILE: volume.caCert,
      });
    }
  });

  it('provisions the streams as the provisioner, over TLS, once NATS is healthy', () => {
    const setup = service('bus-setup');
    expect(entrySource(setup)).toBe(join(root, 'packages/stack/src/compose/provision-bus.ts'));
    expect(existsSync(entrySource(setup))).toBe(true);
    const env = busSetupEnvSchema.parse(effectiveEnv(setup));
    expect(env).toMatchObject({
      NATS_URL: 'tls://nats:4222',
      NATS_TLS_CA_FILE: volume.caCert,
      NATS_USER: 'provisioner',
    });
    expect(env.NATS_PASSWORD).toBe(secrets.busPasswords.provisioner);
    // nats.json's permissions are for this prefix; no service may use another.
    expect(env.SEATWISE_BUS_PREFIX).toBe(COMPOSE_BUS_PREFIX);
    for (const svc of Object.values(compose.services)) {
      expect(effectiveEnv(svc)).not.toHaveProperty('SEATWISE_BUS_PREFIX');
    }
    expect(setup.depends_on).toEqual({
      nats: { condition: 'service_healthy' },
      secrets: { condition: 'service_completed_successfully' },
    });
  });

  it('starts MongoDB with authentication: its root password and the init script from the volume and the repo', () => {
    const mongo = service('mongo');
    expect(mongo.environment).toEqual({
      MONGO_INITDB_ROOT_USERNAME: 'root',
      MONGO_INITDB_ROOT_PASSWORD_FILE: volume.mongoRootPassword,
    });
    expect(readFileSync(written.mongoRootPassword, 'utf8')).toBe(secrets.mongoPasswords['root']);
    const init = mongo.volumes.find((v) => v.includes('/docker-entrypoint-initdb.d/'));
    expect(init).toMatch(/\.js:ro$/);
    expect(existsSync(join(root, init?.split(':')[0] ?? ''))).toBe(true);
    // The init script reads the users file where the writer puts it in the volume.
    expect(readFileSync(join(root, init?.split(':')[0] ?? ''), 'utf8')).toContain(`'${volume.mongoUsers}'`);
    expect(mongo.depends_on['secrets']?.condition).toBe('service_completed_successfully');
    expect(mongo.healthcheck?.test).toEqual(expect.arrayContaining(['--host', 'mongo']));
    for (const file of [written.mongo, written.mongoRootPassword, written.mongoUsers]) {
      expect(volumeFiles(written, secrets).find((f) => f.path === file)?.owner).toBe(MONGO_UID);
    }
  });

  it('runs the secrets writer as root, to hand each file to its reader, into the volume', () => {
    const writer = service('secrets');
    expect(writer.user).toBe('0:0');
    expect(writer.volumes).toEqual(['secrets:/secrets']);
    expect(writer.command).toEqual(['node', 'packages/stack/dist/compose/write-secrets.js', volume.dir, '--owners']);
    expect(existsSync(entrySource(writer))).toBe(true);
  });

  it('gives the demo service what it needs, pointing at the compose services', () => {
    const demo = service('demo');
    expect(existsSync(entrySource(demo))).toBe(true);
    const env = demoEnvSchema.parse(effectiveEnv(demo));
    expect(new URL(env.SEATWISE_GATEWAY_URL).host).toBe('gateway:3000');
    expect(new URL(env.SEATWISE_DUO_SIM_URL).host).toBe('duo-sim:3010');
    expect(new URL(env.SEATWISE_PSA_SIM_URL).host).toBe('psa-sim:3011');
    expect(Object.keys(demo.depends_on).sort()).toEqual(['duo-sim', 'gateway', 'psa-sim']);
  });

  it.each([
    ['duo-sim', DUO_SIM_USAGE, 3010],
    ['psa-sim', PSA_SIM_USAGE, 3011],
  ] as const)('starts %s with flags its CLI knows', (name, usage, port) => {
    const svc = service(name);
    const script = svc.command?.join(' ') ?? '';
    expect(existsSync(entrySource(svc))).toBe(true);
    const flags = [...script.matchAll(/(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]);
    expect(flags.length).toBeGreaterThan(3);
    for (const flag of flags) expect(usage).toContain(`${flag ?? ''} `.trimEnd());
    expect(script).toContain(`--port ${port}`);
    expect(svc.ports).toContain(`${port}:${port}`);
    // Every shell variable the command reads is set in its environment.
    for (const [, variable] of script.matchAll(/\$([A-Z_]+)/g)) {
      expect(Object.keys(svc.environment)).toContain(variable);
    }
  });
});
