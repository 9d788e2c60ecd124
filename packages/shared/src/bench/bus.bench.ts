import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { provisionNats } from '@seatwise/testing/infra/provision';
import { randomBytes } from 'node:crypto';
import { connectBus } from '../bus/connect';
import { DurableConsumer } from '../bus/durable-consumer';
import { EventPublisher } from '../bus/publisher';
import { streamName } from '../bus/subjects';
import { ensureConsumer, ensureStreams } from '../bus/topology';
import { consumers } from '../contracts/consumers';
import { benchAuthLogEvent, publishRaw } from './raw-jetstream';
import { runBench, writeBenchLine } from './run-bench';

// Raw JetStream publish/consume rates on this machine (the baseline later benches compare against),
// and the same work through our validating EventPublisher/DurableConsumer, measured in the same run.
const N = Number(process.env['BENCH_BUS_MESSAGES'] ?? 50_000);
const WINDOW = 1_000;
const BATCH = 1_000;
// Our helpers validate every event with zod on both sides; at least half the raw rate keeps them far
// from being the bottleneck of a connector that waits on Duo's HTTP API.
const TARGET = 0.5;

async function timed(work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function rawConsume(nc: NatsConnection, js: JetStreamClient, prefix: string): Promise<void> {
  const consumer = await js.consumers.get(streamName(prefix, 'DUO_AUTHLOGS'), consumers.discoveryAuthLogs.durable);
  let seen = 0;
  while (seen < N) {
    const messages = await consumer.fetch({ max_messages: BATCH, expires: 2_000 });
    for await (const m of messages) {
      JSON.parse(m.string());
      m.ack();
      seen++;
    }
    await nc.flush();
  }
}

async function helperConsume(consumer: DurableConsumer<'duo.authlog'>): Promise<void> {
  let seen = 0;
  while (seen < N) {
    const batch = await consumer.fetchBatch({ max: BATCH, expiresMs: 2_000 });
    await consumer.ack(batch);
    seen += batch.length;
  }
}

async function round(
  nc: NatsConnection,
  prefix: string,
  helpers: boolean,
): Promise<{ publish: number; consume: number }> {
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  await ensureStreams(jsm, prefix, ['DUO_AUTHLOGS', 'DEAD_LETTER']);
  await ensureConsumer(jsm, prefix, consumers.discoveryAuthLogs);
  const events = Array.from({ length: N }, (_, i) => benchAuthLogEvent(i));
  const publisher = new EventPublisher(nc, prefix);
  const publishSeconds = await timed(() =>
    helpers
      ? publisher.publishAll('duo.authlog', events, { window: WINDOW }).then(() => undefined)
      : publishRaw(js, prefix, events, WINDOW),
  );
  const consumeSeconds = await timed(() =>
    helpers
      ? helperConsume(new DurableConsumer(nc, js, prefix, consumers.discoveryAuthLogs, publisher))
      : rawConsume(nc, js, prefix),
  );
  for (const key of ['DUO_AUTHLOGS', 'DEAD_LETTER'] as const) await jsm.streams.delete(streamName(prefix, key));
  return { publish: N / publishSeconds, consume: N / consumeSeconds };
}

async function main(): Promise<void> {
  const nats = await provisionNats();
  const nc = await connectBus({ url: nats.url, name: 'bench-bus' });
  try {
    const raw = await round(nc, `bench${randomBytes(3).toString('hex')}`, false);
    const ours = await round(nc, `bench${randomBytes(3).toString('hex')}`, true);
    const publishRatio = ours.publish / raw.publish;
    const consumeRatio = ours.consume / raw.consume;
    const rssMb = Math.round(process.memoryUsage().rss / 1e6);
    process.stdout.write(
      [
        `bus bench: ${N} auth-log events (~1 KB) on ${nats.description}`,
        `  raw JetStream async publish   ${raw.publish.toFixed(0)} msgs/s`,
        `  raw durable fetch+ack         ${raw.consume.toFixed(0)} msgs/s`,
        `  EventPublisher.publishAll     ${ours.publish.toFixed(0)} msgs/s (${(publishRatio * 100).toFixed(0)}% of raw)`,
        `  DurableConsumer fetch+ack     ${ours.consume.toFixed(0)} msgs/s (${(consumeRatio * 100).toFixed(0)}% of raw)`,
        '',
      ].join('\n'),
    );
    const summary = {
      bench: 'bus',
      messages: N,
      rawPublishPerSec: Math.round(raw.publish),
      rawConsumePerSec: Math.round(raw.consume),
      publishPerSec: Math.round(ours.publish),
      consumePerSec: Math.round(ours.consume),
      publishRatio: Number(publishRatio.toFixed(3)),
      consumeRatio: Number(consumeRatio.toFixed(3)),
      peakRssMb: rssMb,
      ratio: Number(Math.min(publishRatio, consumeRatio).toFixed(3)),
      target: TARGET,
    };
    writeBenchLine(summary);
  } finally {
    await nc.close();
    await nats.dispose();
  }
}

runBench('bus', main);
