import { AckPolicy, DeliverPolicy, type JetStreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import type { ConsumerDefinition } from '../contracts/consumers';
import { EVENT_NAMES, events } from '../contracts/events';
import { STREAM_KEYS, streams, type StreamKey } from '../contracts/streams';
import { eventFilter, prefixedSubject, streamName } from './subjects';

const nanos = (ms: number): number => ms * 1_000_000;

// replicas: how many copies a JetStream cluster keeps (num_replicas); absent, the server's default (1).
function streamConfig(prefix: string, key: StreamKey, replicas?: number) {
  const def = streams[key];
  return {
    ...(replicas === undefined ? {} : { num_replicas: replicas }),
    name: streamName(prefix, key),
    subjects: def.subjects.map((s) => prefixedSubject(prefix, s)),
    description: def.description,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: nanos(def.maxAgeMs),
    duplicate_window: nanos(def.duplicateWindowMs),
  };
}

// The provisioner's job (the stack at start, compose's bus-setup): creates every stream or brings its
// configuration up to date. Idempotent. On a JetStream cluster `replicas` sets each stream's copies (R3 on three
// nodes: a stream survives the loss of one); an existing stream is scaled to it. Consumers inherit it.
export async function provisionStreams(
  jsm: JetStreamManager,
  prefix: string,
  keys: readonly StreamKey[] = STREAM_KEYS,
  options: { replicas?: number } = {},
): Promise<void> {
  for (const key of keys) {
    const config = streamConfig(prefix, key, options.replicas);
    try {
      await jsm.streams.info(config.name);
      await jsm.streams.update(config.name, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.streams.add(config);
    }
  }
}

// A service's check at start-up: each stream it uses exists. On an open bus (and in the test harness) a
// missing one is created, so start order does not matter; a service never changes an existing stream.
// Where the bus is authorized, only the provisioner may create streams, and a missing one fails the
// start with what to do.
export async function ensureStreams(jsm: JetStreamManager, prefix: string, keys: readonly StreamKey[]): Promise<void> {
  for (const key of keys) {
    const config = streamConfig(prefix, key);
    try {
      await jsm.streams.info(config.name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.streams.add(config).catch((createError: unknown) => {
        throw new Error(
          `stream ${config.name} does not exist and this service could not create it (${String(createError)}): ` +
            'provision the bus first (npm run stack and compose do; see docs/events.md, Bus authorization)',
          { cause: createError },
        );
      });
    }
  }
}

// Filtering is expressed with the single `filter_subject` that every JetStream server (2.9 included,
// as Debian ships) understands: none when the consumer takes every event of its stream, else exactly
// one event. Several events out of a larger stream would need 2.10's filter_subjects.
export function consumerFilter(prefix: string, def: ConsumerDefinition): string | undefined {
  for (const name of def.events) {
    if (events[name].stream !== def.stream) throw new Error(`event ${name} is not in stream ${def.stream}`);
  }
  const ofStream = EVENT_NAMES.filter((name) => events[name].stream === def.stream);
  if (ofStream.every((name) => def.events.includes(name))) return undefined;
  const [only, ...rest] = def.events;
  if (only === undefined || rest.length > 0) {
    throw new Error(`consumer ${def.durable} takes several but not all events of ${def.stream}; split it per event`);
  }
  return eventFilter(prefix, only);
}

export async function ensureConsumer(jsm: JetStreamManager, prefix: string, def: ConsumerDefinition): Promise<void> {
  const stream = streamName(prefix, def.stream);
  const config = {
    durable_name: def.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(def.ackWaitMs),
    max_deliver: def.maxDeliver,
    max_ack_pending: def.maxAckPending,
    filter_subject: consumerFilter(prefix, def),
  };
  try {
    await jsm.consumers.info(stream, def.durable);
    await jsm.consumers.update(stream, def.durable, {
      ack_wait: config.ack_wait,
      max_deliver: config.max_deliver,
      max_ack_pending: config.max_ack_pending,
      filter_subject: config.filter_subject,
    });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.consumers.add(stream, config);
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && /not found/i.test(error.message);
}
