import type { Consumer, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ConsumerDefinition } from '../contracts/consumers';
import { eventDefinition, type EventName, type EventPayload } from '../contracts/events';
import { formatIssues } from '../validation/zod-issues';
import type { EventPublisher } from './publisher';
import { eventNameOfSubject, streamName } from './subjects';

export interface ConsumedEvent<N extends EventName> {
  name: N;
  payload: EventPayload<N>;
  subject: string;
  streamSequence: number;
  deliveryCount: number;
  msg: JsMsg;
}

export interface FetchOptions {
  max: number;
  expiresMs: number;
}

type Definition<N extends EventName> = ConsumerDefinition & { events: readonly N[] };

// A durable pull consumer with explicit acks. Every message is validated against its contract; one
// that fails is published to the dead-letter stream with the reason and then terminated, so a poison
// event never blocks the consumer and is never silently dropped.
export class DurableConsumer<N extends EventName> {
  private consumer: Consumer | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly prefix: string,
    readonly definition: Definition<N>,
    private readonly deadLetters: EventPublisher,
  ) {}

  async fetchBatch(options: FetchOptions): Promise<ConsumedEvent<N>[]> {
    const consumer = await this.getConsumer();
    const messages = await consumer.fetch({ max_messages: options.max, expires: Math.max(1_000, options.expiresMs) });
    const batch: ConsumedEvent<N>[] = [];
    for await (const msg of messages) {
      const decoded = this.decode(msg);
      if (typeof decoded === 'string') await this.deadLetter(msg, decoded);
      else batch.push(decoded);
    }
    return batch;
  }

  // Acks and flushes: when this resolves the server has the acks, so a crash right after cannot
  // make it redeliver what was processed (a crash before it can, which handlers tolerate).
  async ack(batch: readonly ConsumedEvent<N>[]): Promise<void> {
    for (const event of batch) event.msg.ack();
    await this.nc.flush();
  }

  // Asks for redelivery later; messages already delivered maxDeliver times are dead-lettered instead.
  async retryLater(batch: readonly ConsumedEvent<N>[], delayMs: number, reason: string): Promise<void> {
    for (const event of batch) {
      if (event.deliveryCount >= this.definition.maxDeliver) {
        await this.deadLetter(event.msg, `gave up after ${event.deliveryCount} deliveries: ${reason}`);
      } else {
        event.msg.nak(delayMs);
      }
    }
    await this.nc.flush();
  }

  // How often a held batch tells JetStream it is still being worked on: three times per ack wait, so one lost
  // heartbeat never lets the ack wait run out.
  get heartbeatMs(): number {
    return Math.max(100, Math.floor(this.definition.ackWaitMs / 3));
  }

  // Restarts the ack wait of every message in the batch (+WPI): a long batch, or one held while a server is out
  // of reach, is not redelivered meanwhile. Fire and forget: a lost heartbeat is made up by the next one.
  working(batch: readonly ConsumedEvent<N>[]): void {
    for (const event of batch) {
      try {
        event.msg.working();
      } catch {
        // The connection is closing: the ack wait runs out and JetStream redelivers, as after a crash.
      }
    }
  }

  // Hands unhandled messages back for immediate redelivery (a stopping consumer's prefetched batch).
  async release(batch: readonly ConsumedEvent<N>[]): Promise<void> {
    for (const event of batch) event.msg.nak();
    await this.nc.flush();
  }

  private async getConsumer(): Promise<Consumer> {
    this.consumer ??= await this.js.consumers.get(
      streamName(this.prefix, this.definition.stream),
      this.definition.durable,
    );
    return this.consumer;
  }

  private decode(msg: JsMsg): ConsumedEvent<N> | string {
    const name = eventNameOfSubject(this.prefix, msg.subject, this.definition.events);
    if (name === null) return `subject ${msg.subject} carries no event this consumer accepts`;
    let json: unknown;
    try {
      json = msg.json();
    } catch {
      return 'payload is not valid JSON';
    }
    const parsed = eventDefinition(name).schema.safeParse(json);
    if (!parsed.success) return formatIssues(parsed.error);
    return {
      name,
      payload: parsed.data as EventPayload<N>,
      subject: msg.subject,
      streamSequence: msg.seq,
      deliveryCount: msg.info.deliveryCount,
      msg,
    };
  }

  private async deadLetter(msg: JsMsg, reason: string): Promise<void> {
    await this.deadLetters.publish('deadletter.event', {
      stream: msg.info.stream,
      consumer: this.definition.durable,
      subject: msg.subject,
      streamSequence: msg.seq,
      reason,
      data: msg.string(),
      at: new Date().toISOString(),
    });
    // The reason travels in the dead letter: `+TERM <reason>` is unknown to nats-server < 2.10, which
    // then leaves the message pending and redelivers it until maxDeliver.
    msg.term();
  }
}
