import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { findLocalNats } from '@seatwise/infra/local-servers';
import { freePort } from '@seatwise/infra/ports';
import { waitForPort } from '@seatwise/infra/tcp';
import { connectBus } from '@seatwise/shared/bus/connect';
import { inboxPrefix } from '@seatwise/shared/bus/permissions';
import { streamName } from '@seatwise/shared/bus/subjects';
import type { LogOutput } from '../process/log-output';
import { PidRegistry } from '../process/pid-registry';
import { Supervisor } from '../process/supervisor';
import { busSetupEnvSchema } from './bus-setup-env';
import { parseEnvFile } from './env-file';
import { natsClusterConfig } from './nats-cluster-config';
import { provisionBus } from './provision-bus';
import { COMPOSE_BUS_PREFIX } from './volume-files';
import { volumeLayout } from './volume-layout';
import { writeComposeSecrets } from './write-secrets';

// docker-compose.scale.yml's NATS cluster on real nats-servers: the cluster config the secrets service writes (users,
// client TLS, routes over TLS verified at both ends with the volume's certificate), only the addresses made local
// (127.0.0.1 and free ports, which the certificate names too, for nats/nats-2/nats-3:6222). Then bus-setup with
// SEATWISE_STREAM_REPLICAS=3, as the scale file runs it.
const dir = mkdtempSync(join(tmpdir(), 'seatwise-compose-cluster-'));
const layout = volumeLayout(dir);
const output: LogOutput = { line: () => undefined };
const supervisor = new Supervisor(output, new PidRegistry(join(dir, 'pids.json')));
let clientPorts: number[] = [];

beforeAll(async () => {
  const nats = findLocalNats();
  if (nats === null) throw new Error('nats-server not found (PATH, /usr/sbin, /usr/local/sbin)');
  await writeComposeSecrets(dir);
  const ports = new Set<number>();
  while (ports.size < 6) ports.add(await freePort());
  const [c1, c2, c3, r1, r2, r3] = [...ports];
  clientPorts = [c1 ?? 0, c2 ?? 0, c3 ?? 0];
  const routePorts = [r1 ?? 0, r2 ?? 0, r3 ?? 0];
  const serverConfig = readFileSync(layout.natsConfig, 'utf8');
  const tls = { certFile: layout.natsCert, keyFile: layout.natsKey, caFile: layout.caCert };
  const routes = routePorts.map((port) => `nats-route://127.0.0.1:${port}`);
  for (const [index, port] of clientPorts.entries()) {
    const config = join(dir, `node-${index + 1}.json`);
    writeFileSync(config, natsClusterConfig(serverConfig, tls, routes, `127.0.0.1:${routePorts[index] ?? 0}`));
    const store = join(dir, `store-${index + 1}`);
    mkdirSync(store);
    // As the scale file's command: -c the cluster config, -n the node's name.
    supervisor.start({
      name: `nats-${index + 1}`,
      tier: 0,
      cwd: dir,
      env: { PATH: process.env['PATH'] },
      command: nats.binary,
      args: ['-c', config, '-a', '127.0.0.1', '-p', String(port), '-js', '-sd', store, '-n', `nats-${index + 1}`],
    });
  }
  await Promise.all(clientPorts.map((port) => waitForPort('127.0.0.1', port, { what: 'nats', timeoutMs: 30_000 })));
}, 60_000);

afterAll(async () => {
  await supervisor.stopAll(5_000);
  rmSync(dir, { recursive: true, force: true });
});

describe("docker-compose.scale.yml's NATS cluster", () => {
  it('joins over TLS routes and takes the streams at R3 from bus-setup, over TLS to every node', async () => {
    const env = busSetupEnvSchema.parse({
      ...parseEnvFile(readFileSync(layout.envFile('bus-setup'), 'utf8')),
      NATS_URL: clientPorts.map((port) => `tls://127.0.0.1:${port}`).join(','),
      NATS_TLS_CA_FILE: layout.caCert,
      SEATWISE_STREAM_REPLICAS: '3',
    });
    // bus-setup waits for the cluster's leader itself (the scale file starts it once the nodes are healthy).
    const streams = await provisionBus(env);
    expect(streams).toContain(streamName(COMPOSE_BUS_PREFIX, 'DUO_AUTHLOGS'));
    const nc = await connectBus({
      url: `tls://127.0.0.1:${clientPorts[2] ?? 0}`,
      name: 'compose-cluster-spec',
      credentials: { user: env.NATS_USER, pass: env.NATS_PASSWORD },
      inboxPrefix: inboxPrefix(env.NATS_USER),
      tls: { caFile: layout.caCert },
    });
    try {
      const info = await (await jetstreamManager(nc)).streams.info(streamName(COMPOSE_BUS_PREFIX, 'DUO_AUTHLOGS'));
      expect(info.config.num_replicas).toBe(3);
      const members = [info.cluster?.leader, ...(info.cluster?.replicas ?? []).map((r) => r.name)].sort();
      expect(members).toEqual(['nats-1', 'nats-2', 'nats-3']);
      expect((info.cluster?.replicas ?? []).every((r) => r.current)).toBe(true);
    } finally {
      await nc.close();
    }
  }, 150_000);
});
