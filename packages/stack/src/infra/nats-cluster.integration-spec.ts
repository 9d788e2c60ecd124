import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { findLocalNats } from '@seatwise/infra/local-servers';
import { freePort } from '@seatwise/infra/ports';
import { connectBus, type NatsConnection } from '@seatwise/shared/bus/connect';
import { inboxPrefix } from '@seatwise/shared/bus/permissions';
import { streamName } from '@seatwise/shared/bus/subjects';
import type { BusIdentity } from '@seatwise/shared/contracts/bus-identities';
import { STREAM_KEYS } from '@seatwise/shared/contracts/streams';
import { waitFor } from '@seatwise/testing/wait';
import { generateBusPasswords } from '../config/secrets';
import type { LogOutput } from '../process/log-output';
import { PidRegistry } from '../process/pid-registry';
import { Supervisor } from '../process/supervisor';
import { provisionBusWhenReady } from './provision-bus';
import { type StartedCluster, startNatsCluster } from './start-nats-cluster';

// The stack's three-node JetStream cluster as `npm run stack -- --nats-cluster 3` starts it (real nats-server
// processes under the stack's supervisor, its authorization, routes on 127.0.0.1), provisioned at R3 as the stack
// provisions it. Then it loses a node, the leader of the stream in use, and still takes and serves messages.
const PREFIX = 'seatwise';
const STREAM = streamName(PREFIX, 'DUO_AUTHLOGS');
const SUBJECT = `${PREFIX}.duo.authlog.DACLUSTER`;
const dir = mkdtempSync(join(tmpdir(), 'seatwise-nats-cluster-'));
const passwords = generateBusPasswords();
const lines: string[] = [];
const output: LogOutput = {
  line: (source, text) => {
    lines.push(`[${source}] ${text}`);
  },
};
const supervisor = new Supervisor(output, new PidRegistry(join(dir, 'pids.json')));
const connections: NatsConnection[] = [];
let cluster: StartedCluster;

async function connectAs(identity: BusIdentity, url: string): Promise<NatsConnection> {
  const nc = await connectBus({
    url,
    name: `cluster-spec-${identity}`,
    credentials: { user: identity, pass: passwords[identity] },
    inboxPrefix: inboxPrefix(identity),
  });
  connections.push(nc);
  return nc;
}

const nodeUrl = (index: number): string => `nats://127.0.0.1:${cluster.nodes[index]?.clientPort ?? 0}`;

// Publishes as the connector does (its identity, a JetStream ack awaited), through the given node only.
async function publish(url: string, body: string): Promise<number> {
  const nc = await connectAs('duo-connector', url);
  const ack = await jetstream(nc).publish(SUBJECT, body, { msgID: body });
  return ack.seq;
}

// Every message of the stream, read through the given node only by an ordered consumer.
async function readAll(url: string, count: number): Promise<string[]> {
  const nc = await connectAs('provisioner', url);
  // The stream holds only this spec's messages (nats-server 2.9 takes no filter on an ordered consumer).
  const consumer = await jetstream(nc).consumers.get(STREAM);
  const bodies: string[] = [];
  const batch = await consumer.fetch({ max_messages: count, expires: 5_000 });
  for await (const message of batch) {
    bodies.push(message.string());
    if (bodies.length === count) break;
  }
  return bodies;
}

beforeAll(async () => {
  const nats = findLocalNats();
  if (nats === null) throw new Error('nats-server not found (PATH, /usr/sbin, /usr/local/sbin)');
  const ports: { client: number; route: number }[] = [];
  const used = new Set<number>();
  while (ports.length < 3) {
    const client = await freePort();
    const route = await freePort();
    if (client === route || used.has(client) || used.has(route)) continue;
    used.add(client).add(route);
    ports.push({ client, route });
  }
  cluster = await startNatsCluster(
    supervisor,
    nats,
    { dir, cwd: dir, ports, timeoutMs: 30_000 },
    { prefix: PREFIX, passwords },
  );
  await provisionBusWhenReady(
    {
      url: cluster.url,
      credentials: { user: 'provisioner', pass: passwords.provisioner },
      prefix: PREFIX,
      replicas: 3,
    },
    { timeoutMs: 60_000 },
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(connections.map((nc) => nc.close().catch(() => undefined)));
  await supervisor.stopAll(5_000);
  rmSync(dir, { recursive: true, force: true });
});

describe('the stack NATS cluster (--nats-cluster 3)', () => {
  it('runs three nodes that see each other, and every stream at R3 on them', async () => {
    expect(cluster.nodes.map((n) => n.name)).toEqual(['nats-1', 'nats-2', 'nats-3']);
    expect(cluster.url.split(',')).toHaveLength(3);
    const jsm = await jetstreamManager(await connectAs('provisioner', nodeUrl(2)));
    for (const key of STREAM_KEYS) {
      const info = await jsm.streams.info(streamName(PREFIX, key));
      expect({ stream: info.config.name, replicas: info.config.num_replicas }).toEqual({
        stream: info.config.name,
        replicas: 3,
      });
      // A leader and two followers, all three nodes of this cluster.
      const members = [info.cluster?.leader, ...(info.cluster?.replicas ?? []).map((r) => r.name)].sort();
      expect(members).toEqual(['nats-1', 'nats-2', 'nats-3']);
    }
  });

  it('takes a message through one node and serves it through another', async () => {
    expect(await publish(nodeUrl(0), 'first')).toBe(1);
    expect(await readAll(nodeUrl(1), 1)).toEqual(['first']);
  });

  it("keeps taking and serving messages once a node is gone, even the stream's leader", async () => {
    const jsm = await jetstreamManager(await connectAs('provisioner', nodeUrl(0)));
    const leader = (await jsm.streams.info(STREAM)).cluster?.leader;
    const index = cluster.nodes.findIndex((node) => node.name === leader);
    expect(index).toBeGreaterThanOrEqual(0);
    const killed = cluster.children[index];
    if (killed === undefined) throw new Error(`no process for ${String(leader)}`);
    killed.killNow();
    await killed.exited;
    const alive = [0, 1, 2].filter((i) => i !== index);
    const [publishVia, readVia] = alive.map(nodeUrl);
    if (publishVia === undefined || readVia === undefined) throw new Error('two nodes should be left');
    // The two left elect a new leader for the stream within a few seconds; until then a publish is refused.
    const seq = await waitFor(() => publish(publishVia, 'after-loss'), {
      timeoutMs: 30_000,
      intervalMs: 500,
      description: `a publish through ${publishVia} after ${String(leader)} was killed`,
    });
    expect(seq).toBe(2);
    // Reading (an ordered consumer) and the stream's info are JetStream API calls too: under load the two nodes left
    // may take longer than one request's timeout to settle, so each is asked again until a deadline.
    const settled = { timeoutMs: 30_000, intervalMs: 500 };
    expect(await waitFor(() => readAll(readVia, 2), { ...settled, description: `a read through ${readVia}` })).toEqual([
      'first',
      'after-loss',
    ]);
    const other = await jetstreamManager(await connectAs('provisioner', readVia));
    const after = await waitFor(() => other.streams.info(STREAM), { ...settled, description: 'the stream info' });
    expect(after.cluster?.leader).not.toBe(leader);
    expect(after.state.messages).toBe(2);
  });
});
