import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { connectBus } from '@seatwise/shared/bus/connect';
import { natsServerConfig } from '@seatwise/shared/bus/nats-server-config';
import { inboxPrefix } from '@seatwise/shared/bus/permissions';
import { EventPublisher } from '@seatwise/shared/bus/publisher';
import { broadcastSubject, rpcSubject, streamName } from '@seatwise/shared/bus/subjects';
import { ensureConsumer, provisionStreams } from '@seatwise/shared/bus/topology';
import { BUS_IDENTITIES, type BusIdentity } from '@seatwise/shared/contracts/bus-identities';
import { consumers } from '@seatwise/shared/contracts/consumers';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import { createNats } from '@seatwise/testing/infra/servers';
import type { ManagedServer } from '@seatwise/testing/infra/managed-server';
import { waitFor } from '@seatwise/testing/wait';

// The bus authorization a deployment runs (#17 item 1), on a NATS server of its own with the permissions
// the stack and compose generate for one concrete prefix: each service is its own user and can do exactly
// what its identity declares. Each case fails with an open bus (mutation: natsServerConfig without the
// `permissions` blocks lets every forged publish, request and subscription through; without the publish `deny`
// list, another system's subscriber takes over discovery's durable).
const PREFIX = `authz${randomBytes(3).toString('hex')}`;
const passwords = Object.fromEntries(BUS_IDENTITIES.map((id) => [id, randomBytes(16).toString('hex')])) as Record<
  BusIdentity,
  string
>;
const harnessPassword = randomBytes(16).toString('hex');
const dir = mkdtempSync(join(tmpdir(), 'seatwise-authz-'));
let server: ManagedServer;
let bareUrl: string;
const open: NatsConnection[] = [];

beforeAll(async () => {
  const configFile = join(dir, 'nats.json');
  // The harness user only inspects streams here; it is not part of what is checked.
  writeFileSync(configFile, natsServerConfig({ passwords, prefix: PREFIX, harnessPassword }), { mode: 0o600 });
  server = await createNats({
    SEATWISE_TEST_NATS_CONFIG: configFile,
    SEATWISE_TEST_NATS_HARNESS_PASSWORD: harnessPassword,
  });
  await server.start();
  bareUrl = server.url.replace(/\/\/[^@]*@/, '//');
  const provisioner = await as('provisioner');
  await provisionStreams(await jetstreamManager(provisioner), PREFIX);
});

afterAll(async () => {
  await Promise.allSettled(open.map((nc) => nc.close()));
  await server.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function authLogEvent(txid: string): DuoAuthLogEvent {
  return {
    integrationId: 'int1',
    accountId: 'DA1',
    fetchedAt: '2026-12-01T10:00:00.000Z',
    record: {
      txid,
      timestamp: 1_764_583_200,
      event_type: 'authentication',
      result: 'success',
      factor: 'duo_push',
      user: { key: 'DU1', name: 'ada@example.org' },
      application: { key: 'DI1', name: 'Slack' },
    },
  };
}

async function as(identity: BusIdentity | 'harness'): Promise<NatsConnection> {
  const pass = identity === 'harness' ? harnessPassword : passwords[identity];
  const nc = await connectBus({
    url: bareUrl,
    name: `authz-${identity}`,
    credentials: { user: identity, pass },
    inboxPrefix: inboxPrefix(identity),
  });
  open.push(nc);
  return nc;
}

async function streamMessages(key: Parameters<typeof streamName>[1]): Promise<number> {
  const jsm = await jetstreamManager(await as('harness'));
  return (await jsm.streams.info(streamName(PREFIX, key))).state.messages;
}

// A refused subscription is closed by the client with the server's permission error.
async function refusedSubscription(sub: Subscription): Promise<string> {
  const closed = await Promise.race([
    sub.closed,
    new Promise<'open'>((resolve) =>
      setTimeout(() => {
        resolve('open');
      }, 3_000),
    ),
  ]);
  return closed instanceof Error ? closed.message : String(closed);
}

describe('bus authorization', () => {
  it('refuses a connection without credentials or with a wrong password', async () => {
    await expect(connectBus({ url: bareUrl, name: 'anonymous' })).rejects.toThrow(/authorization/i);
    await expect(
      connectBus({ url: bareUrl, name: 'guess', credentials: { user: 'gateway', pass: 'not-the-password' } }),
    ).rejects.toThrow(/authorization/i);
  });

  it('takes Duo events from the connector only: a forged one from another service never reaches the stream', async () => {
    const connector = new EventPublisher(await as('duo-connector'), PREFIX);
    const forger = new EventPublisher(await as('discovery'), PREFIX);
    await connector.publish('duo.authlog', authLogEvent('tx-real'));
    await expect(forger.publish('duo.authlog', authLogEvent('tx-forged'), { timeoutMs: 2_000 })).rejects.toThrow();
    expect(await streamMessages('DUO_AUTHLOGS')).toBe(1);
  });

  it('lets the gateway call every API, alerts open tickets only, and no other service call anything', async () => {
    const answered: string[] = [];
    const reconcile = await as('reconcile');
    reconcile.subscribe(rpcSubject(PREFIX, 'reconcile.>'), {
      queue: 'reconcile',
      callback: (_error, msg) => {
        answered.push(msg.subject);
        msg.respond(JSON.stringify({ ok: true }));
      },
    });
    await reconcile.flush();
    const approve = rpcSubject(PREFIX, 'reconcile.reconciliation.approve');
    const tickets = rpcSubject(PREFIX, 'reconcile.tickets.create');

    const gateway = await as('gateway');
    expect((await gateway.request(approve, '{}', { timeout: 3_000 })).json()).toEqual({ ok: true });
    const alerts = await as('alerts');
    expect((await alerts.request(tickets, '{}', { timeout: 3_000 })).json()).toEqual({ ok: true });
    await expect(alerts.request(approve, '{}', { timeout: 2_000 })).rejects.toThrow();
    const connector = await as('duo-connector');
    await expect(connector.request(approve, '{"actor":"forged"}', { timeout: 2_000 })).rejects.toThrow();

    expect(answered).toEqual([approve, tickets]);
  });

  it("keeps each service out of another's RPC queue group and inbox", async () => {
    const discovery = await as('discovery');
    const joined = discovery.subscribe(rpcSubject(PREFIX, 'reconcile.>'), { queue: 'reconcile' });
    expect(await refusedSubscription(joined)).toMatch(/permissions violation/i);
    const snooping = discovery.subscribe(`${inboxPrefix('gateway')}.>`);
    expect(await refusedSubscription(snooping)).toMatch(/permissions violation/i);
    // Its own RPC subjects and inbox are allowed.
    const own = discovery.subscribe(rpcSubject(PREFIX, 'discovery.>'), { queue: 'discovery' });
    await discovery.flush();
    expect(await refusedSubscription(own)).toBe('open');
  });

  it("keeps the gateway replicas' rate-limit spending among them: no other service sends or reads it", async () => {
    const subject = broadcastSubject(PREFIX, 'gateway.rate-limits');
    const received: string[] = [];
    const replica = await as('gateway');
    replica.subscribe(subject, {
      callback: (_error, msg) => {
        received.push(msg.string());
      },
    });
    await replica.flush();
    const forger = await as('reconcile');
    forger.publish(subject, 'forged');
    // Once the forger's flush returns the server has routed (or refused) its publish, before the next one.
    await forger.flush().catch(() => undefined);
    const other = await as('gateway');
    other.publish(subject, 'shared');
    await waitFor(() => received.includes('shared'), { timeoutMs: 3_000, description: 'the replica' });
    expect(received).toEqual(['shared']);
    const snooping = (await as('discovery')).subscribe(subject);
    expect(await refusedSubscription(snooping)).toMatch(/permissions violation/i);
  });

  it('gives stream management to the provisioner alone, and each durable to the service that owns it', async () => {
    const jsm = await jetstreamManager(await as('reconcile'));
    await expect(jsm.streams.delete(streamName(PREFIX, 'DUO_ACCOUNTS'))).rejects.toThrow();
    await expect(
      jsm.streams.add({ name: `${PREFIX.toUpperCase()}_ROGUE`, subjects: [`${PREFIX}.rogue.>`] }),
    ).rejects.toThrow();
    await ensureConsumer(jsm, PREFIX, consumers.reconcileAccounts);

    const alertsJsm = await jetstreamManager(await as('alerts'));
    await expect(
      alertsJsm.consumers.delete(streamName(PREFIX, 'DUO_ACCOUNTS'), consumers.reconcileAccounts.durable),
    ).rejects.toThrow();
    // The stream is still there (info would fail otherwise), and so is reconcile's durable.
    expect(await streamMessages('DUO_ACCOUNTS')).toBe(0);
    const harness = await jetstreamManager(await as('harness'));
    expect(
      (await harness.consumers.info(streamName(PREFIX, 'DUO_ACCOUNTS'), consumers.reconcileAccounts.durable)).name,
    ).toBe(consumers.reconcileAccounts.durable);
  });

  it("lets another system read the events through durables of its own, never through one of Seatwise's", async () => {
    const subscriber = await as('subscriber');
    const jsm = await jetstreamManager(subscriber);
    const stream = streamName(PREFIX, 'DUO_AUTHLOGS');
    await jsm.consumers.add(stream, { durable_name: 'siem', ack_policy: AckPolicy.Explicit });
    const consumer = await jetstream(subscriber).consumers.get(stream, 'siem');
    const read: string[] = [];
    for await (const msg of await consumer.fetch({ max_messages: 1, expires: 3_000 })) {
      read.push(msg.json<DuoAuthLogEvent>().record.txid);
      msg.ack();
    }
    expect(read).toEqual(['tx-real']);

    const ours = consumers.discoveryAuthLogs.durable;
    await expect(jsm.consumers.add(stream, { durable_name: ours, ack_policy: AckPolicy.Explicit })).rejects.toThrow();
    await expect(jsm.consumers.delete(stream, ours)).rejects.toThrow();
    await expect(
      new EventPublisher(subscriber, PREFIX).publish('duo.authlog', authLogEvent('tx-forged-2'), { timeoutMs: 2_000 }),
    ).rejects.toThrow();
    expect(await streamMessages('DUO_AUTHLOGS')).toBe(1);
  });
});
