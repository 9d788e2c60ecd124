import { Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import type { EventPayload } from '@seatwise/shared/contracts/events';
import { ConnectorMetrics } from '../metrics/connector-metrics';

// The events that carry Duo records, and the record type they are counted and dead-lettered under.
const RECORD_TYPES = { 'duo.authlog': 'authlog', 'duo.users.record': 'user' } as const;
type RecordEvent = keyof typeof RECORD_TYPES;

// Publishes one page of Duo records, each validated once as part of its event: the valid ones wait for
// JetStream's acks; one that breaks our contract is kept, with the reason, on the dead-letter stream.
// Every record is counted per account and type: fetched, then published or rejected.
@Injectable()
export class RecordPublisher {
  constructor(
    private readonly bus: EventBus,
    private readonly metrics: ConnectorMetrics,
    private readonly clock: Clock,
  ) {}

  async publish<N extends RecordEvent>(
    name: N,
    accountId: string,
    events: readonly unknown[],
  ): Promise<EventPayload<N>[]> {
    const labels = { account: this.metrics.account(accountId), type: RECORD_TYPES[name] };
    this.metrics.recordsFetched.inc(labels, events.length);
    const { published, rejected } = await this.bus.publishValid(name, events);
    for (const { payload, reason } of rejected) {
      await this.bus.publish('deadletter.event', {
        stream: 'DUO_API',
        consumer: 'duo-connector',
        subject: `duo.${RECORD_TYPES[name]}.${accountId}`,
        streamSequence: 0,
        reason,
        // JSON.stringify(undefined) is undefined despite its type; keep the letter readable anyway.
        data: payload === undefined ? 'undefined' : JSON.stringify(payload),
        at: this.clock.now().toISOString(),
      });
    }
    this.metrics.recordsRejected.inc(labels, rejected.length);
    this.metrics.recordsPublished.inc(labels, published.length);
    return published;
  }
}
