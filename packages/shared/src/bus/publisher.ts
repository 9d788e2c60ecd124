import type { NatsConnection } from '@nats-io/transport-node';
import { eventDefinition, type EventName, type EventPayload } from '../contracts/events';
import { AppError, ErrorCodes } from '../errors/app-error';
import { parseOrThrow } from '../validation/parse';
import { formatIssues } from '../validation/zod-issues';
import { JetStreamAcks } from './jetstream-acks';
import { eventSubject } from './subjects';

export interface PublishResult {
  stream: string;
  seq: number;
  // JetStream saw this msgID inside the dedupe window and did not store the message again.
  duplicate: boolean;
}

export interface PublishOptions {
  timeoutMs?: number;
}

// Validates every event against its contract before it leaves the service, and publishes it with its
// msgID so JetStream de-duplicates re-publishes (after a crash, a retry) inside the dedupe window.
export class EventPublisher {
  private readonly acks: JetStreamAcks;

  constructor(
    nc: NatsConnection,
    private readonly prefix: string,
  ) {
    this.acks = new JetStreamAcks(nc);
  }

  async publish<N extends EventName>(
    name: N,
    payload: EventPayload<N>,
    options: PublishOptions = {},
  ): Promise<PublishResult> {
    const def = eventDefinition(name);
    // parseOrThrow cannot see through the generic schema; the schema is exactly EventSchema<N>.
    const data = parseOrThrow(def.schema, payload, `${name} event`, ErrorCodes.BUS_MALFORMED_EVENT) as EventPayload<N>;
    return this.send(name, data, options);
  }

  // For payloads straight from an outside source (Duo records): each is validated once; the valid
  // ones are published (pipelined, all acked when this resolves), the others come back with the reason.
  async publishValid<N extends EventName>(
    name: N,
    candidates: readonly unknown[],
    options: PublishOptions & { window?: number } = {},
  ): Promise<{ published: EventPayload<N>[]; rejected: { payload: unknown; reason: string }[] }> {
    const schema = eventDefinition(name).schema;
    const valid: EventPayload<N>[] = [];
    const rejected: { payload: unknown; reason: string }[] = [];
    for (const payload of candidates) {
      const parsed = schema.safeParse(payload);
      if (parsed.success) valid.push(parsed.data as EventPayload<N>);
      else rejected.push({ payload, reason: formatIssues(parsed.error) });
    }
    await this.pipeline(valid, (data) => this.send(name, data, options), options.window);
    return { published: valid, rejected };
  }

  private async send<N extends EventName>(
    name: N,
    data: EventPayload<N>,
    options: PublishOptions,
  ): Promise<PublishResult> {
    const def = eventDefinition(name);
    try {
      return await this.acks.publish(
        eventSubject(this.prefix, name, data),
        JSON.stringify(data),
        def.msgId(data),
        options.timeoutMs ?? 10_000,
      );
    } catch (error) {
      throw new AppError(ErrorCodes.BUS_PUBLISH_FAILED, `Publishing ${name} failed: ${describe(error)}`, undefined, {
        cause: error,
      });
    }
  }

  // Pipelines publishes (at most `window` awaiting their ack) and resolves once JetStream has
  // acknowledged every one, in input order; the first failure rejects after in-flight ones settle.
  async publishAll<N extends EventName>(
    name: N,
    payloads: readonly EventPayload<N>[],
    options: PublishOptions & { window?: number } = {},
  ): Promise<PublishResult[]> {
    return this.pipeline(payloads, (payload) => this.publish(name, payload, options), options.window);
  }

  private async pipeline<T>(
    items: readonly T[],
    publishOne: (item: T) => Promise<PublishResult>,
    windowSize = 256,
  ): Promise<PublishResult[]> {
    const window = Math.max(1, windowSize);
    const results = new Array<PublishResult>(items.length);
    let next = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      while (!failed && next < items.length) {
        const index = next++;
        try {
          results[index] = await publishOne(items[index] as T);
        } catch (error) {
          failed = true; // stop feeding new publishes; the caller retries from its checkpoint
          throw error;
        }
      }
    };
    const settled = await Promise.allSettled(Array.from({ length: Math.min(window, items.length) }, worker));
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
    return results;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
