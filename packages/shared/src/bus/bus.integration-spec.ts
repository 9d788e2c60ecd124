import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ManagedServer } from '@seatwise/testing/infra/managed-server';
import { startDedicatedNats } from '@seatwise/testing/infra/provision';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { waitFor } from '@seatwise/testing/wait';
import { consumers } from '../contracts/consumers';
import { AppError, ErrorCodes } from '../errors/app-error';
import { authLogEvent } from './__fixtures__/events';
import { connectBus } from './connect';
import { DurableConsumer } from './durable-consumer';
import { EventPublisher } from './publisher';
import { eventFilter, streamName } from './subjects';
import { ensureConsumer, provisionStreams } from './topology';

describe('JetStream bus', () => {
  let nats: ManagedServer;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let scope: TestScope;
  let publisher: EventPublisher;

  const consumerFor = async (): Promise<DurableConsumer<'duo.authlog'>> => {
    await ensureConsumer(jsm, scope.busPrefix, consumers.discoveryAuthLogs);
    return new DurableConsumer(nc, js, scope.busPrefix, consumers.discoveryAuthLogs, publisher);
  };
  const drain = async (consumer: DurableConsumer<'duo.authlog'>, expected: number) => {
    const seen: string[] = [];
    await waitFor(
      async () => {
        const batch = await consumer.fetchBatch({ max: 100, expiresMs: 1_000 });
        seen.push(...batch.map((e) => e.payload.record.txid));
        await consumer.ack(batch);
        return seen.length >= expected;
      },
      { description: `${expected} events`, timeoutMs: 20_000, intervalMs: 0 },
    );
    return seen;
  };

  beforeAll(async () => {
    nats = await startDedicatedNats();
    nc = await connectBus({ url: nats.url, name: 'bus-spec' });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
  });

  beforeEach(async () => {
    scope = createTestScope({ natsUrl: nats.url });
    publisher = new EventPublisher(nc, scope.busPrefix);
    await provisionStreams(jsm, scope.busPrefix);
  });

  afterEach(() => scope.cleanup());

  afterAll(async () => {
    await nc.close();
    await nats.dispose();
  });

  it('delivers an event published twice with the same msgID once', async () => {
    const first = await publisher.publish('duo.authlog', authLogEvent('DA1', 'tx-1'));
    const second = await publisher.publish('duo.authlog', authLogEvent('DA1', 'tx-1'));
    await publisher.publish('duo.authlog', authLogEvent('DA1', 'tx-2'));
    expect(first.duplicate).toBe(false);
    expect(second).toMatchObject({ duplicate: true, seq: first.seq });

    const consumer = await consumerFor();
    expect(await drain(consumer, 2)).toEqual(['tx-1', 'tx-2']);
    expect(await consumer.fetchBatch({ max: 10, expiresMs: 1_000 })).toEqual([]);
  });

  it('keeps the durable consumer position across a NATS restart', async () => {
    const txids = Array.from({ length: 10 }, (_, i) => `tx-${i}`);
    await publisher.publishAll(
      'duo.authlog',
      txids.map((t) => authLogEvent('DA2', t)),
    );
    const consumer = await consumerFor();
    const firstBatch = await consumer.fetchBatch({ max: 4, expiresMs: 2_000 });
    expect(firstBatch.map((e) => e.payload.record.txid)).toEqual(txids.slice(0, 4));
    await consumer.ack(firstBatch);
    const stream = streamName(scope.busPrefix, 'DUO_AUTHLOGS');
    await waitFor(
      async () => (await jsm.consumers.info(stream, consumers.discoveryAuthLogs.durable)).ack_floor.stream_seq === 4,
    );

    await nats.restart();
    await waitFor(() => nc.rtt().then(() => true), { description: 'client reconnected' });

    expect(await drain(consumer, 6)).toEqual(txids.slice(4));
  });

  it('pipelines many publishes and acknowledges each with its own stream sequence', async () => {
    const events = Array.from({ length: 600 }, (_, i) => authLogEvent('DA6', `tx-${i}`));
    const acks = await publisher.publishAll('duo.authlog', events, { window: 128 });
    expect(new Set(acks.map((a) => a.seq)).size).toBe(600);
    expect(acks.every((a) => !a.duplicate && a.stream === streamName(scope.busPrefix, 'DUO_AUTHLOGS'))).toBe(true);
    const again = await publisher.publishAll('duo.authlog', events.slice(0, 10));
    expect(again.map((a) => [a.seq, a.duplicate])).toEqual(acks.slice(0, 10).map((a) => [a.seq, true]));
  });

  it('fails a publish no stream captures with BUS.PUBLISH_FAILED instead of waiting forever', async () => {
    const orphan = new EventPublisher(nc, `${scope.busPrefix}x`);
    const error = (await orphan
      .publish('duo.authlog', authLogEvent('DA7', 'tx-1'), { timeoutMs: 30_000 })
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe(ErrorCodes.BUS_PUBLISH_FAILED);
    expect(error.message).toContain('no JetStream stream captures this subject');
  });

  it('rejects a malformed event before publishing, naming the path', async () => {
    const event = authLogEvent('DA3', 'tx-bad');
    const broken = { ...event, record: { ...event.record, user: { name: 'no key' } } };
    // The cast is the point: a caller that bypasses the types must still be stopped at the boundary.
    const attempt = publisher.publish('duo.authlog', broken as unknown as typeof event);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const error = (await attempt.catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe(ErrorCodes.BUS_MALFORMED_EVENT);
    expect(error.message).toContain('record.user.key: Required');
  });

  it('publishes the valid candidates of a batch and hands back the invalid ones with their reasons', async () => {
    const good = authLogEvent('DA5', 'tx-good');
    const { published, rejected } = await publisher.publishValid('duo.authlog', [
      good,
      { ...good, record: { txid: 'tx-bad' } },
      'nonsense',
    ]);
    expect(published.map((e) => e.record.txid)).toEqual(['tx-good']);
    expect(rejected.map((r) => r.reason)).toEqual([
      expect.stringContaining('record.timestamp: Required'),
      '(root): Invalid input: expected object, received string',
    ]);
    const consumer = await consumerFor();
    expect(await drain(consumer, 1)).toEqual(['tx-good']);
  });

  it('dead-letters a malformed message with the reason and keeps consuming', async () => {
    const subject = eventFilter(scope.busPrefix, 'duo.authlog', 'DA4');
    await js.publish(subject, JSON.stringify({ ...authLogEvent('DA4', 'tx-x'), record: { txid: 'tx-x' } }));
    await js.publish(subject, 'not json at all');
    await publisher.publish('duo.authlog', authLogEvent('DA4', 'tx-ok'));

    const consumer = await consumerFor();
    expect(await drain(consumer, 1)).toEqual(['tx-ok']);

    const deadStream = streamName(scope.busPrefix, 'DEAD_LETTER');
    await waitFor(async () => (await jsm.streams.info(deadStream)).state.messages === 2, {
      description: 'two dead letters',
    });
    const letters = await Promise.all(
      [1, 2].map(async (seq) =>
        (await jsm.streams.getMessage(deadStream, { seq }))!.json<{ reason: string; data: string }>(),
      ),
    );
    expect(letters[0]!.reason).toContain('record.timestamp: Required');
    expect(letters[0]!.reason).toContain('record.user: Required');
    expect(letters[1]).toMatchObject({ reason: 'payload is not valid JSON', data: 'not json at all' });
  });
});
