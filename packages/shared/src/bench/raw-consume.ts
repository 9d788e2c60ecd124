import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

// Raw JetStream consume rate (msgs/s) of a pre-filled stream: a durable pull consumer, batches of
// `batch`, every message JSON-parsed and acked, no validation or storage. The baseline a consuming
// service's rate (discovery's, alerts') is divided by, measured on the same stream in the same run.
export async function rawConsumeRate(
  nc: NatsConnection,
  stream: string,
  count: number,
  batch = 1_000,
): Promise<number> {
  const jsm = await jetstreamManager(nc);
  const durable = 'bench-raw-baseline';
  await jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    max_ack_pending: 20_000,
  });
  const consumer = await jetstream(nc).consumers.get(stream, durable);
  const start = process.hrtime.bigint();
  let seen = 0;
  while (seen < count) {
    const messages = await consumer.fetch({ max_messages: Math.min(batch, count - seen), expires: 5_000 });
    for await (const m of messages) {
      m.json();
      m.ack();
      seen++;
    }
    await nc.flush();
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await jsm.consumers.delete(stream, durable);
  return count / seconds;
}
