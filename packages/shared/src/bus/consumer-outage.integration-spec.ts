import { randomBytes } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ManagedServer } from '@seatwise/testing/infra/managed-server';
import { startDedicatedMongo, startDedicatedNats } from '@seatwise/testing/infra/provision';
import { waitFor } from '@seatwise/testing/wait';
import { type Connection, Schema } from 'mongoose';
import { consumers } from '../contracts/consumers';
import { connectMongo } from '../db/mongo';
import { authLogEvent } from './__fixtures__/events';
import { connectBus } from './connect';
import { type ConsumerLoopStage, runConsumerLoop } from './consumer-loop';
import { DeadLetterStore } from './dead-letter-store';
import { type ConsumedEvent, DurableConsumer } from './durable-consumer';
import { type MaxDeliveriesReport, MaxDeliveriesWatcher } from './max-deliveries';
import { EventPublisher } from './publisher';
import { streamName } from './subjects';
import { ensureConsumer, provisionStreams } from './topology';

// #18 item 2 on real servers: a database outage longer than a consumer's whole delivery budget costs no delivery
// and dead-letters nothing; a message JetStream gives up on (its ack wait ran out on every delivery) becomes a
// dead letter that `seatwise dead-letters replay` puts back once.
const PREFIX = `outage${randomBytes(3).toString('hex')}`;
const EVENTS = 300;

let nats: ManagedServer;
let mongo: ManagedServer;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;
let db: Connection;
let publisher: EventPublisher;
let watcher: MaxDeliveriesWatcher;
const advisories: MaxDeliveriesReport[] = [];

const authStream = streamName(PREFIX, 'DUO_AUTHLOGS');
const deadLetterCount = async (): Promise<number> =>
  (await jsm.streams.info(streamName(PREFIX, 'DEAD_LETTER'))).state.messages;

// A durable like discovery's, with a delivery budget a test can outlast: 3 deliveries, a 2 s ack wait.
async function durable(name: string, ackWaitMs: number, maxDeliver: number): Promise<DurableConsumer<'duo.authlog'>> {
  const definition = { ...consumers.discoveryAuthLogs, durable: name, ackWaitMs, maxDeliver };
  await ensureConsumer(jsm, PREFIX, definition);
  watcher.watch(authStream, name);
  return new DurableConsumer(nc, js, PREFIX, definition, publisher);
}

beforeAll(async () => {
  // Servers of this file's own: it stops the database.
  [nats, mongo] = await Promise.all([startDedicatedNats(), startDedicatedMongo()]);
  nc = await connectBus({ url: nats.url, name: 'consumer-outage-spec' });
  js = jetstream(nc);
  jsm = await jetstreamManager(nc);
  await provisionStreams(jsm, PREFIX);
  publisher = new EventPublisher(nc, PREFIX);
  watcher = new MaxDeliveriesWatcher(nc, jsm, publisher, (report) => advisories.push(report));
  db = await connectMongo({ url: mongo.url, dbName: PREFIX, appName: 'consumer-outage-spec' });
});

afterAll(async () => {
  await watcher.close();
  await db.close();
  await nc.close();
  await Promise.all([nats.dispose(), mongo.dispose()]);
});

it('keeps a batch handled for longer than the ack wait from going to another replica (mutation: without the working() heartbeat the other replica is handed all five at their second delivery)', async () => {
  const consumer = await durable('spec-slow', 1_500, 5);
  await publisher.publishAll(
    'duo.authlog',
    Array.from({ length: 5 }, (_, i) => authLogEvent('DA3', `slow-${i}`)),
  );
  let finish: () => void = () => undefined;
  const slow = new Promise<void>((resolve) => (finish = resolve));
  const handled: number[] = [];
  const stop = new AbortController();
  const loop = runConsumerLoop(
    consumer,
    async (batch) => {
      handled.push(...batch.map((e) => e.deliveryCount));
      await slow;
    },
    { max: 10, expiresMs: 500, signal: stop.signal },
  );
  await waitFor(() => handled.length === 5, { description: 'the batch in hand' });
  // Another replica of the same durable pulls for three ack waits while the batch is handled.
  const other = new DurableConsumer(nc, js, PREFIX, consumer.definition, publisher);
  const taken: string[] = [];
  for (const end = Date.now() + 4_500; Date.now() < end;) {
    taken.push(...(await other.fetchBatch({ max: 10, expiresMs: 1_000 })).map((e) => e.payload.record.txid));
  }
  finish();
  stop.abort();
  await loop;
  expect(taken).toEqual([]);
  expect(handled).toEqual([1, 1, 1, 1, 1]);
  expect((await jsm.consumers.info(authStream, 'spec-slow')).num_ack_pending).toBe(0);
});

it('holds its batches through a database outage longer than the delivery budget: every event handled, none dead-lettered (mutation: without the infrastructure branch of the loop they are dead-lettered after 3 deliveries)', async () => {
  const seen = db.model('Seen', new Schema({ _id: String }, { versionKey: false }), 'seen');
  const consumer = await durable('spec-outage', 2_000, 3);
  const txids = Array.from({ length: EVENTS }, (_, i) => `tx-${i}`);
  await publisher.publishAll(
    'duo.authlog',
    txids.slice(0, EVENTS / 2).map((t) => authLogEvent('DA1', t)),
  );
  const stages: ConsumerLoopStage[] = [];
  const stop = new AbortController();
  const loop = runConsumerLoop(
    consumer,
    async (batch) => {
      await seen.bulkWrite(
        batch.map((e) => ({
          updateOne: {
            filter: { _id: e.payload.record.txid },
            update: { $set: { _id: e.payload.record.txid } },
            upsert: true,
          },
        })),
      );
    },
    {
      max: 20,
      expiresMs: 1_000,
      signal: stop.signal,
      retryDelayMs: 100,
      maxDelayMs: 1_000,
      prefetch: true,
      onError: (_e, stage) => stages.push(stage),
    },
  );
  await waitFor(async () => (await seen.countDocuments({ _id: /^tx-/ })) >= 20, { description: 'handling under way' });

  await mongo.stop();
  const down = Date.now();
  await publisher.publishAll(
    'duo.authlog',
    txids.slice(EVENTS / 2).map((t) => authLogEvent('DA1', t)),
  );
  // Down for longer than 3 deliveries × the 2 s ack wait (and mongoose's 10 s of buffering), with failures seen.
  await waitFor(() => Date.now() - down > 12_000 && stages.includes('infrastructure'), {
    timeoutMs: 60_000,
    intervalMs: 250,
    description: 'an outage longer than the delivery budget',
  });
  await mongo.start();

  await waitFor(async () => (await seen.countDocuments({ _id: /^tx-/ }).catch(() => 0)) === EVENTS, {
    timeoutMs: 120_000,
    intervalMs: 250,
    description: 'every event handled after the outage',
  });
  stop.abort();
  await loop;
  expect(await deadLetterCount()).toBe(0);
  expect(advisories).toEqual([]);
  expect(stages).not.toContain('handle');
  expect((await jsm.consumers.info(authStream, 'spec-outage')).num_ack_pending).toBe(0);
});

it('dead-letters a message JetStream gave up on, with its data, and replays it once (mutation: without the advisory watcher nothing is dead-lettered and the message is lost)', async () => {
  const consumer = await durable('spec-give-up', 1_000, 2);
  const store = new DeadLetterStore(jsm, js, PREFIX);
  const published = await publisher.publish('duo.authlog', authLogEvent('DA2', 'tx-abandoned'));
  const before = (await jsm.streams.info(authStream)).state.messages;
  // The durable starts at the stream's start: the first test's events are acked; this one is fetched and never
  // acked, as by a replica killed mid-batch each time: two deliveries, then JetStream gives up at the next pull.
  const abandoned = (batch: readonly ConsumedEvent<'duo.authlog'>[]) =>
    batch.filter((e) => e.payload.record.txid === 'tx-abandoned');
  const deliveries: number[] = [];
  const page = await waitFor(
    async () => {
      const batch = await consumer.fetchBatch({ max: 500, expiresMs: 1_000 });
      await consumer.ack(batch.filter((e) => e.payload.record.txid !== 'tx-abandoned'));
      deliveries.push(...abandoned(batch).map((e) => e.deliveryCount));
      const letters = await store.list(10, 'spec-give-up');
      return letters.letters.length > 0 ? letters : null;
    },
    { timeoutMs: 30_000, intervalMs: 0, description: 'the max-deliveries advisory dead-lettered' },
  );
  expect(deliveries).toEqual([1, 2]);
  const [stored] = page.letters;
  expect(stored?.letter).toMatchObject({
    stream: authStream,
    consumer: 'spec-give-up',
    subject: `${PREFIX}.duo.authlog.DA2`,
    streamSequence: published.seq,
  });
  expect(stored?.letter.reason).toContain('after 2 deliveries');
  expect(JSON.parse(stored?.letter.data ?? '')).toMatchObject({ record: { txid: 'tx-abandoned' } });
  expect(watcher.count('dead-lettered')).toBe(1);

  const seq = stored?.seq ?? 0;
  expect(await store.replay(seq)).toMatchObject({ outcome: 'replayed', duplicate: false });
  expect(await store.replay(seq)).toEqual({ seq, outcome: 'missing' });
  expect((await jsm.streams.info(authStream)).state.messages).toBe(before + 1);
  expect((await store.list(10)).total).toBe(0);
  const redelivered = await waitFor(async () => {
    const batch = await consumer.fetchBatch({ max: 500, expiresMs: 1_000 });
    await consumer.ack(batch);
    return abandoned(batch).length > 0 ? batch : null;
  });
  expect(redelivered.map((e) => [e.payload.record.txid, e.deliveryCount])).toEqual([['tx-abandoned', 1]]);
});
