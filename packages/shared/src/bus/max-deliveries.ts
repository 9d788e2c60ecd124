import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { z } from 'zod';
import { formatIssues } from '../validation/zod-issues';
import type { EventPublisher } from './publisher';

// What nats-server publishes when a consumer's message ran out of deliveries without an ack or a term: the
// ack wait expired on its last delivery (a replica killed while handling it, a handler slower than the ack
// wait). JetStream then stops delivering it and tells no one but this advisory.
const advisorySchema = z.object({
  stream: z.string().min(1),
  consumer: z.string().min(1),
  stream_seq: z.number().int().positive(),
  deliveries: z.number().int().nonnegative(),
});
export type MaxDeliveriesAdvisory = z.infer<typeof advisorySchema>;

export type MaxDeliveriesOutcome = 'dead-lettered' | 'gone' | 'malformed' | 'failed';

export function maxDeliveriesSubject(stream: string, durable: string): string {
  return `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.${durable}`;
}

export interface MaxDeliveriesReport {
  durable: string;
  advisory: MaxDeliveriesAdvisory | null;
  outcome: MaxDeliveriesOutcome;
  error?: unknown;
}

// Turns each max-deliveries advisory of a durable into a dead letter carrying the message, so what JetStream
// gave up on can be listed and replayed (`seatwise dead-letters`) like any other. Replicas of a service share
// one queue group per durable, so each advisory is handled once; the dead letter's msgID (stream, consumer,
// sequence, data) de-duplicates it even if two handled it.
export class MaxDeliveriesWatcher {
  private readonly subscriptions: Subscription[] = [];
  private readonly counts = new Map<MaxDeliveriesOutcome, number>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly deadLetters: EventPublisher,
    private readonly report: (report: MaxDeliveriesReport) => void,
  ) {}

  watch(stream: string, durable: string): void {
    const subscription = this.nc.subscribe(maxDeliveriesSubject(stream, durable), {
      queue: `${durable}.max-deliveries`,
      callback: (error, msg) => {
        if (error) return;
        const data = msg.string();
        // One at a time: the advisories of a burst are few, and order keeps the log readable.
        this.queue = this.queue.then(() => this.handle(durable, data));
      },
    });
    this.subscriptions.push(subscription);
  }

  // Advisories seen by outcome since start (a dead letter per message is the durable count).
  count(outcome: MaxDeliveriesOutcome): number {
    return this.counts.get(outcome) ?? 0;
  }

  async close(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    await this.queue;
  }

  private async handle(durable: string, data: string): Promise<void> {
    const advisory = parseAdvisory(data);
    if (typeof advisory === 'string') {
      this.record({ durable, advisory: null, outcome: 'malformed', error: new Error(advisory) });
      return;
    }
    try {
      const outcome = await this.deadLetter(advisory);
      this.record({ durable, advisory, outcome });
    } catch (error) {
      this.record({ durable, advisory, outcome: 'failed', error });
    }
  }

  private async deadLetter(advisory: MaxDeliveriesAdvisory): Promise<MaxDeliveriesOutcome> {
    const stored = await this.jsm.streams.getMessage(advisory.stream, { seq: advisory.stream_seq });
    await this.deadLetters.publish('deadletter.event', {
      stream: advisory.stream,
      consumer: advisory.consumer,
      subject: stored?.subject ?? '',
      streamSequence: advisory.stream_seq,
      reason:
        `JetStream stopped delivering it after ${advisory.deliveries} deliveries: the ack wait ran out each time ` +
        '(a replica stopped while handling it, or a handler slower than the ack wait)' +
        (stored === null ? '; the message has since left the stream' : ''),
      data: stored?.string() ?? '',
      at: new Date().toISOString(),
    });
    return stored === null ? 'gone' : 'dead-lettered';
  }

  private record(report: MaxDeliveriesReport): void {
    this.counts.set(report.outcome, this.count(report.outcome) + 1);
    this.report(report);
  }
}

function parseAdvisory(data: string): MaxDeliveriesAdvisory | string {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return 'max-deliveries advisory is not JSON';
  }
  const parsed = advisorySchema.safeParse(json);
  return parsed.success ? parsed.data : `max-deliveries advisory: ${formatIssues(parsed.error)}`;
}
