import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { LocalProcessServer } from '@seatwise/infra/local-process-server';
import { findLocalNats } from '@seatwise/infra/local-servers';
import { freePort } from '@seatwise/infra/ports';
import { connectBus } from '@seatwise/shared/bus/connect';
import { inboxPrefix, streamsOf } from '@seatwise/shared/bus/permissions';
import { streamName } from '@seatwise/shared/bus/subjects';
import { ensureStreams } from '@seatwise/shared/bus/topology';
import { STREAM_KEYS } from '@seatwise/shared/contracts/streams';
import { busSetupEnvSchema } from './bus-setup-env';
import { parseEnvFile } from './env-file';
import { provisionBus } from './provision-bus';
import { SECRET_CONSUMERS } from './secret-consumers';
import { COMPOSE_BUS_PREFIX } from './volume-files';
import { volumeLayout } from './volume-layout';
import { writeComposeSecrets } from './write-secrets';

// Compose's bus as the secrets service writes it, on a real nats-server: nats.json (users, permissions, TLS) and the
// certificates from the writer, each service's password from its own env file. Only the listen address differs
// (127.0.0.1 and a free port, which the certificate names too).
const dir = mkdtempSync(join(tmpdir(), 'seatwise-compose-bus-'));
const otherDir = mkdtempSync(join(tmpdir(), 'seatwise-compose-bus-other-'));
const layout = volumeLayout(dir);
let server: LocalProcessServer;
let port: number;
let url: string;

beforeAll(async () => {
  const nats = findLocalNats();
  if (nats === null) {
    throw new Error('nats-server not found (PATH, /usr/sbin, /usr/local/sbin); `bash .ci/run` installs it');
  }
  await writeComposeSecrets(dir);
  // Another volume: its CA did not sign this server's certificate.
  await writeComposeSecrets(otherDir);
  port = await freePort();
  url = `tls://127.0.0.1:${port}`;
  server = new LocalProcessServer(
    {
      ...nats,
      description: 'nats-server -c nats.json (compose)',
      args: (p, dataDir) => ['-c', layout.natsConfig, '-a', '127.0.0.1', '-p', String(p), '-js', '-sd', dataDir],
      url: () => url,
    },
    port,
  );
  await server.start();
});

afterAll(async () => {
  await server.dispose();
  rmSync(dir, { recursive: true, force: true });
  rmSync(otherDir, { recursive: true, force: true });
});

const envOf = (service: string): Record<string, string> => parseEnvFile(readFileSync(layout.envFile(service), 'utf8'));

// The bus-setup service's environment: compose's settings (pointing here) plus its env file.
function busSetupEnv(overrides: Record<string, string> = {}) {
  return busSetupEnvSchema.parse({
    ...envOf('bus-setup'),
    NATS_URL: url,
    NATS_TLS_CA_FILE: layout.caCert,
    ...overrides,
  });
}

// The first line a NATS server sends, then all it answers to a CONNECT and PING sent in clear, until it closes.
function plainConnect(credentials: { user: string; pass: string }): Promise<{ info: string; reply: string }> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    let received = '';
    let info: string | null = null;
    socket.setEncoding('utf8');
    socket.setTimeout(10_000, () => {
      socket.destroy(new Error(`no answer in clear; received ${JSON.stringify(received)}`));
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (info === null && received.includes('\r\n')) {
        info = received.slice(0, received.indexOf('\r\n'));
        received = received.slice(info.length + 2);
        socket.write(`CONNECT ${JSON.stringify({ ...credentials, verbose: false })}\r\nPING\r\n`);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => {
      resolve({ info: info ?? '', reply: received });
    });
  });
}

// Each app, by its compose service and its NATS user.
const servicesOnBus = SECRET_CONSUMERS.flatMap((c) =>
  c.identity === null || c.identity === 'provisioner' ? [] : [[c.service, c.identity] as const],
);

describe("compose's bus", () => {
  it('is provisioned by bus-setup as the provisioner, over TLS with the generated CA', async () => {
    const env = busSetupEnv();
    expect(env.SEATWISE_BUS_PREFIX).toBe(COMPOSE_BUS_PREFIX);
    const streams = await provisionBus(env);
    expect(streams).toEqual(STREAM_KEYS.map((key) => streamName(COMPOSE_BUS_PREFIX, key)).sort());
    // Idempotent: every `docker compose up` runs it again.
    expect(await provisionBus(env)).toEqual(streams);
  });

  it.each(servicesOnBus)(
    'lets %s in with the password of its own env file, and find its streams',
    async (service, identity) => {
      const nc = await connectBus({
        url,
        name: `compose-${service}`,
        credentials: { user: identity, pass: envOf(service)['NATS_PASSWORD'] ?? '' },
        inboxPrefix: inboxPrefix(identity),
        tls: { caFile: layout.caCert },
      });
      try {
        // What each service checks at start: its streams exist (bus-setup provisioned them, in the case above).
        await ensureStreams(await jetstreamManager(nc), COMPOSE_BUS_PREFIX, streamsOf(identity));
      } finally {
        await nc.close();
      }
    },
  );

  it('refuses a connection in clear, with the right credentials', async () => {
    const { info, reply } = await plainConnect({
      user: 'provisioner',
      pass: envOf('bus-setup')['NATS_PASSWORD'] ?? '',
    });
    expect(JSON.parse(info.replace(/^INFO /, ''))).toMatchObject({ tls_required: true });
    // It waits for a TLS handshake; the clear CONNECT fails it, and the server closes without a PONG.
    expect(reply).not.toMatch(/PONG|\+OK/);
  });

  it('is not trusted by a client holding another CA, or only the system CAs', async () => {
    await expect(provisionBus(busSetupEnv({ NATS_TLS_CA_FILE: volumeLayout(otherDir).caCert }))).rejects.toThrow(
      /certificate/i,
    );
    const withoutCa = busSetupEnvSchema.parse({ ...envOf('bus-setup'), NATS_URL: url });
    await expect(provisionBus(withoutCa)).rejects.toThrow(/certificate/i);
  });

  it("refuses another volume's password, and one identity's password for another", async () => {
    await expect(provisionBus(busSetupEnv({ NATS_PASSWORD: envOf('gateway')['NATS_PASSWORD'] ?? '' }))).rejects.toThrow(
      /authorization/i,
    );
    const other = parseEnvFile(readFileSync(volumeLayout(otherDir).envFile('bus-setup'), 'utf8'));
    await expect(provisionBus(busSetupEnv({ NATS_PASSWORD: other['NATS_PASSWORD'] ?? '' }))).rejects.toThrow(
      /authorization/i,
    );
  });
});
