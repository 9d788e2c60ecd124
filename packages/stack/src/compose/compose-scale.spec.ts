import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { X509Certificate } from 'node:crypto';
import { repoRoot } from '../config/paths';
import { APPS } from '../services/app-specs';
import { busSetupEnvSchema } from './bus-setup-env';
import { type ComposeService, readComposeFile } from './compose-file';
import { parseEnvFile } from './env-file';
import { COMPOSE_CLUSTER_NAME, COMPOSE_NATS_NODES, COMPOSE_ROUTE_PORT } from './nats-cluster-config';
import { NATS_SERVER_NAMES } from './nats-tls';
import { MONGO_UID, NATS_UID } from './secret-consumers';
import { volumeFiles } from './volume-files';
import { volumeLayout } from './volume-layout';
import type { VolumeSecrets } from './volume-secrets';
import { mongoTargetFromEnv, writeComposeSecrets } from './write-secrets';

// docker-compose.scale.yml as compose reads it over docker-compose.yml (`-f docker-compose.yml -f
// docker-compose.scale.yml`), and the secrets volume as its secrets service writes it there. No Docker engine runs
// here: these are the checks of its structure, against the code it starts and the files it reads.
const root = repoRoot(__dirname);
const base = readComposeFile(root);
const scaled = readComposeFile(root, ['docker-compose.yml', 'docker-compose.scale.yml']);
const volume = volumeLayout();
const dir = mkdtempSync(join(tmpdir(), 'seatwise-compose-scale-'));
const written = volumeLayout(dir);
const CLUSTER_URL = COMPOSE_NATS_NODES.map((node) => `tls://${node}:4222`).join(',');
let secrets: VolumeSecrets;

beforeAll(async () => {
  // With the secrets service's environment in the scale file, as its entry point reads it.
  const mongo = mongoTargetFromEnv(service('secrets').environment);
  if (typeof mongo === 'string') throw new Error(mongo);
  secrets = (await writeComposeSecrets(dir, { mongo })).secrets;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function service(name: string): ComposeService {
  const found = scaled.services[name];
  if (!found) throw new Error(`the scaled compose has no service ${name}`);
  return found;
}

function envFile(name: string): Record<string, string> {
  return parseEnvFile(readFileSync(written.envFile(name), 'utf8'));
}

// What a service's process sees: compose's environment, then the env file its command sources.
function effectiveEnv(name: string, sources = name): Record<string, string> {
  return { ...service(name).environment, ...envFile(sources) };
}

// How many containers `up` starts of an app: its replicas, plus a second service of it (gateway-2).
function containersOf(name: string): number {
  const own = service(name).deploy?.replicas ?? 1;
  return own + (scaled.services[`${name}-2`] === undefined ? 0 : 1);
}

describe('docker-compose.scale.yml over docker-compose.yml', () => {
  it('adds the cluster, the replica set and a second gateway, and keeps every service of docker-compose.yml', () => {
    const added = Object.keys(scaled.services).filter((name) => !(name in base.services));
    expect(added.sort()).toEqual(['gateway-2', 'mongo-2', 'mongo-3', 'mongo-rs-init', 'nats-2', 'nats-3']);
    expect(Object.keys(scaled.volumes).sort()).toEqual(
      [...Object.keys(base.volumes), 'nats-2-data', 'nats-3-data', 'mongo-2-data', 'mongo-3-data'].sort(),
    );
  });

  it.each(APPS.map((app) => [app.dir] as const))('runs two containers of %s', (name) => {
    expect(containersOf(name)).toBe(2);
  });

  it('serves the console from both gateways: the first on 3000, the second on 3100', () => {
    expect(service('gateway').ports).toEqual(['3000:3000']);
    expect(service('gateway').deploy).toBeUndefined();
    expect(service('gateway-2').ports).toEqual(['3100:3000']);
    // The same service otherwise: its user, command, env file, settings and health check.
    const { ports: _p, depends_on: _d, ...second } = service('gateway-2');
    const { ports: _q, depends_on: _e, ...first } = service('gateway');
    expect(second).toEqual(first);
    expect(service('gateway-2').depends_on['gateway']?.condition).toBe('service_healthy');
  });

  it('runs three NATS nodes from one cluster config, each with its name, its store and the secrets read-only', () => {
    const stores = new Set<string>();
    for (const node of COMPOSE_NATS_NODES) {
      const svc = service(node);
      expect(svc.image).toBe('nats:2.10-alpine');
      expect(svc.command).toEqual(['-c', volume.natsClusterConfig, '-js', '-sd', '/data', '-m', '8222', '-n', node]);
      expect(svc.volumes).toContain('secrets:/secrets:ro');
      const data = svc.volumes.find((v) => v.endsWith(':/data'));
      expect(data).toBeDefined();
      stores.add(data ?? '');
      expect(svc.depends_on['secrets']?.condition).toBe('service_completed_successfully');
      expect(svc.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:8222/healthz');
    }
    expect(stores.size).toBe(3);
  });

  it("writes the cluster config: the single server's users and TLS, routes to the three over verified TLS", () => {
    const single = JSON.parse(readFileSync(written.natsConfig, 'utf8')) as Record<string, unknown>;
    const cluster = JSON.parse(readFileSync(written.natsClusterConfig, 'utf8')) as Record<string, unknown> & {
      cluster: { name: string; listen: string; routes: string[]; tls: Record<string, unknown> };
    };
    expect(cluster['authorization']).toEqual(single['authorization']);
    expect(cluster['tls']).toEqual(single['tls']);
    expect(cluster.cluster).toEqual({
      name: COMPOSE_CLUSTER_NAME,
      listen: `0.0.0.0:${COMPOSE_ROUTE_PORT}`,
      routes: COMPOSE_NATS_NODES.map((node) => `nats-route://${node}:${COMPOSE_ROUTE_PORT}`),
      tls: {
        cert_file: written.natsCert,
        key_file: written.natsKey,
        ca_file: written.caCert,
        verify: true,
        timeout: 5,
      },
    });
    expect(volumeFiles(written, secrets).find((f) => f.path === written.natsClusterConfig)).toMatchObject({
      owner: NATS_UID,
      mode: 0o600,
    });
  });

  it('gives the nodes a certificate that names each of them and may open routes (client use)', () => {
    const cert = new X509Certificate(readFileSync(written.natsCert));
    for (const node of COMPOSE_NATS_NODES) expect(cert.checkHost(node)).toBe(node);
    expect(NATS_SERVER_NAMES.dns).toEqual(expect.arrayContaining([...COMPOSE_NATS_NODES]));
    expect(cert.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']));
  });

  it.each(APPS.map((app) => [app.dir, app] as const))(
    'hands every %s container every NATS node and every MongoDB member, in an env its schema accepts',
    (name, app) => {
      const env = effectiveEnv(name);
      expect(env['NATS_URL']).toBe(CLUSTER_URL);
      // A seed list is no WHATWG URL: user:password@hosts/database?options, read apart by hand.
      const mongo = /^mongodb:\/\/[^@/]+@([^/]+)\/([\w-]+)\?(.*)$/.exec(env['MONGO_URL'] ?? '');
      expect(mongo?.[1]).toBe('mongo:27017,mongo-2:27017,mongo-3:27017');
      const options = new URLSearchParams(mongo?.[3] ?? '');
      expect(options.get('replicaSet')).toBe('rs0');
      expect(options.get('authSource')).toBe(mongo?.[2]);
      expect(app.schema.safeParse(env).error?.issues ?? []).toEqual([]);
      // Started once the cluster and the replica set are up, and after the streams exist, as before.
      const depends = service(name).depends_on;
      expect(depends['nats-2']?.condition).toBe('service_healthy');
      expect(depends['nats-3']?.condition).toBe('service_healthy');
      expect(depends['mongo-rs-init']?.condition).toBe('service_completed_successfully');
      expect(depends['bus-setup']?.condition).toBe('service_completed_successfully');
    },
  );

  it('gives gateway-2 the env file and settings of the gateway, every node included', () => {
    const env = { ...service('gateway-2').environment, ...envFile('gateway') };
    expect(env['NATS_URL']).toBe(CLUSTER_URL);
    expect(service('gateway-2').command?.join(' ')).toContain(`. ${volume.envFile('gateway')} `);
    const gateway = APPS.find((app) => app.dir === 'gateway');
    expect(gateway?.schema.safeParse(env).error?.issues ?? []).toEqual([]);
  });

  it('provisions the streams at R3 through any node, once all three are healthy', () => {
    const env = busSetupEnvSchema.parse(effectiveEnv('bus-setup'));
    expect(env.SEATWISE_STREAM_REPLICAS).toBe(3);
    expect(env.NATS_URL).toBe(CLUSTER_URL);
    for (const node of COMPOSE_NATS_NODES) {
      expect(service('bus-setup').depends_on[node]?.condition).toBe('service_healthy');
    }
    // The single server's bus-setup is unchanged: no replicas set.
    expect(base.services['bus-setup']?.environment).not.toHaveProperty('SEATWISE_STREAM_REPLICAS');
  });

  it('runs MongoDB 7 as the replica set rs0 of three members sharing a key file only mongodb can read', () => {
    const members = ['mongo', 'mongo-2', 'mongo-3'];
    for (const name of members) {
      const svc = service(name);
      expect(svc.image).toBe('mongo:7');
      expect(svc.command).toEqual(['--replSet', 'rs0', '--keyFile', volume.mongoKeyFile, '--bind_ip_all']);
      expect(svc.volumes).toContain('secrets:/secrets:ro');
      expect(svc.healthcheck?.test).toEqual(expect.arrayContaining(['--host', name]));
    }
    // Only `mongo` creates the users (its first start); the others copy them when they join.
    expect(service('mongo').environment['MONGO_INITDB_ROOT_USERNAME']).toBe('root');
    expect(service('mongo-2').environment).toEqual({});
    expect(volumeFiles(written, secrets).find((f) => f.path === written.mongoKeyFile)).toMatchObject({
      owner: MONGO_UID,
      mode: 0o400,
    });
    expect(statSync(written.mongoKeyFile).mode & 0o777).toBe(0o400);
    const key = readFileSync(written.mongoKeyFile, 'utf8').trim();
    // mongod's limits: 6 to 1024 base64 characters.
    expect(key).toMatch(/^[A-Za-z0-9+/=]{6,1024}$/);
  });

  it('makes the set with a one-shot that waits for all three members and reads the root password as mongodb', () => {
    const init = service('mongo-rs-init');
    expect(init.user).toBe('999:999');
    expect(Object.keys(init.depends_on).sort()).toEqual(['mongo', 'mongo-2', 'mongo-3']);
    const script = init.volumes.find((v) => v.endsWith(':/mongo-rs-init.js:ro'))?.split(':')[0] ?? '';
    expect(readFileSync(join(root, script), 'utf8')).toContain('rs.initiate(');
    const command = init.command?.join(' ') ?? '';
    expect(command).toContain(`$(cat ${volume.mongoRootPassword})`);
    expect(command).toContain('--file /mongo-rs-init.js');
  });
});

describe('mongo-rs-init.js', () => {
  // mongosh's side, recorded: whether the server is in a set, what initiate was given, when a primary shows.
  function run(state: { initiated: boolean; helloesUntilPrimary: number }) {
    const initiated: unknown[] = [];
    const printed: string[] = [];
    let hellos = 0;
    const script = readFileSync(join(__dirname, 'mongo-rs-init.js'), 'utf8');
    runInNewContext(script, {
      rs: {
        status: () => {
          if (!state.initiated) throw Object.assign(new Error('no replset config'), { code: 94 });
          return { ok: 1 };
        },
        initiate: (config: unknown) => {
          initiated.push(config);
          state.initiated = true;
        },
      },
      db: {
        hello: () => {
          hellos += 1;
          return hellos > state.helloesUntilPrimary ? { primary: 'mongo:27017' } : {};
        },
      },
      sleep: () => undefined,
      print: (line: string) => printed.push(line),
      Date,
      Error,
    });
    return { initiated, printed };
  }

  it('initiates rs0 with the three members once, preferring mongo, and waits for the primary', () => {
    const first = run({ initiated: false, helloesUntilPrimary: 3 });
    expect(first.initiated).toEqual([
      {
        _id: 'rs0',
        members: [
          { _id: 0, host: 'mongo:27017', priority: 2 },
          { _id: 1, host: 'mongo-2:27017', priority: 1 },
          { _id: 2, host: 'mongo-3:27017', priority: 1 },
        ],
      },
    ]);
    expect(first.printed.at(-1)).toBe('mongo-rs-init: rs0 primary is mongo:27017');
    // Run again (the next `up`): the set exists; nothing is initiated.
    expect(run({ initiated: true, helloesUntilPrimary: 0 }).initiated).toEqual([]);
  });
});

describe("the secrets service's MongoDB target", () => {
  it('is `mongo` alone unless the scale file names the members', () => {
    expect(mongoTargetFromEnv({})).toEqual({ hosts: 'mongo:27017' });
    expect(mongoTargetFromEnv({ SEATWISE_MONGO_HOSTS: 'a:1,b:2', SEATWISE_MONGO_REPLICA_SET: 'rs0' })).toEqual({
      hosts: 'a:1,b:2',
      replicaSet: 'rs0',
    });
    expect(mongoTargetFromEnv({ SEATWISE_MONGO_REPLICA_SET: 'rs0' })).toMatch(/needs SEATWISE_MONGO_HOSTS/);
    expect(mongoTargetFromEnv({ SEATWISE_MONGO_HOSTS: 'mongo' })).toMatch(/host:port/);
    expect(mongoTargetFromEnv({ SEATWISE_MONGO_HOSTS: 'a:1', SEATWISE_MONGO_REPLICA_SET: 'r s' })).toMatch(/letters/);
  });
});
