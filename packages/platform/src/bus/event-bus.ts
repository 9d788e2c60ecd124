import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ConsumerDefinition } from '@seatwise/shared/contracts/consumers';
import type { EventName, EventPayload } from '@seatwise/shared/contracts/events';
import { DurableConsumer } from '@seatwise/shared/bus/durable-consumer';
import { MaxDeliveriesWatcher, type MaxDeliveriesReport } from '@seatwise/shared/bus/max-deliveries';
import { EventPublisher, type PublishOptions, type PublishResult } from '@seatwise/shared/bus/publisher';
import { streamsOf } from '@seatwise/shared/bus/permissions';
import { ensureConsumer, ensureStreams } from '@seatwise/shared/bus/topology';
import { streamName } from '@seatwise/shared/bus/subjects';
import type { BaseEnv } from '@seatwise/shared/config/env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { untilReachable } from '../reach/until-reachable';
import { Clock } from '../clock/clock';
import type { ServiceInfo } from '../service-info';
import { APP_ENV, LOGGER, SERVICE_INFO } from '../tokens';
import { BusConnection } from './bus-connection';

// The service's door to JetStream: typed publishing and durable consumers, under the deployment prefix.
@Injectable()
export class EventBus implements OnModuleInit, OnApplicationShutdown {
  private readonly publisher: EventPublisher;
  private readonly maxDeliveries: MaxDeliveriesWatcher;

  constructor(
    private readonly connection: BusConnection,
    @Inject(APP_ENV) private readonly env: BaseEnv,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly clock: Clock,
  ) {
    this.publisher = new EventPublisher(connection.nc, env.SEATWISE_BUS_PREFIX);
    this.maxDeliveries = new MaxDeliveriesWatcher(connection.nc, connection.jsm, this.publisher, (report) => {
      this.reportMaxDeliveries(report);
    });
  }

  get prefix(): string {
    return this.env.SEATWISE_BUS_PREFIX;
  }

  // The streams this service publishes into or consumes from (its bus identity's, docs/events.md).
  async onModuleInit(): Promise<void> {
    await this.untilAnswered('JetStream (streams)', () =>
      ensureStreams(this.connection.jsm, this.prefix, streamsOf(this.info.name)),
    );
  }

  publish<N extends EventName>(name: N, payload: EventPayload<N>, options?: PublishOptions): Promise<PublishResult> {
    return this.publisher.publish(name, payload, options);
  }

  publishAll<N extends EventName>(
    name: N,
    payloads: readonly EventPayload<N>[],
    options?: PublishOptions & { window?: number },
  ): Promise<PublishResult[]> {
    return this.publisher.publishAll(name, payloads, options);
  }

  publishValid<N extends EventName>(
    name: N,
    candidates: readonly unknown[],
    options?: PublishOptions & { window?: number },
  ): Promise<{ published: EventPayload<N>[]; rejected: { payload: unknown; reason: string }[] }> {
    return this.publisher.publishValid(name, candidates, options);
  }

  async durableConsumer<N extends EventName>(
    definition: ConsumerDefinition & { events: readonly N[] },
  ): Promise<DurableConsumer<N>> {
    await this.untilAnswered(`JetStream (consumer ${definition.durable})`, () =>
      ensureConsumer(this.connection.jsm, this.prefix, definition),
    );
    this.maxDeliveries.watch(streamName(this.prefix, definition.stream), definition.durable);
    return new DurableConsumer(this.connection.nc, this.connection.js, this.prefix, definition, this.publisher);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.maxDeliveries.close();
  }

  // Set-up calls to JetStream's API wait for an answer: connected to a NATS node that restarts, or to a cluster
  // electing its JetStream leader, they time out or are answered "temporarily unavailable" (10008), and a replica
  // starting then exited (8 start failures in a fault run, all in consumer set-up; then 4 with 10008 in stream
  // set-up). Both are idempotent (ensureConsumer reads, then adds or updates).
  private untilAnswered<T>(what: string, call: () => Promise<T>): Promise<T> {
    return untilReachable(call, { what, logger: this.logger, sleep: (ms) => this.clock.sleep(ms) });
  }

  // Every message JetStream gave up on is logged with its count so far; the dead letter keeps it for a replay.
  private reportMaxDeliveries({ durable, advisory, outcome, error }: MaxDeliveriesReport): void {
    const fields = { consumer: durable, outcome, count: this.maxDeliveries.count(outcome), err: error, advisory };
    if (outcome === 'dead-lettered' || outcome === 'gone') {
      this.logger.warn(fields, 'a message ran out of deliveries; dead-lettered for replay (seatwise dead-letters)');
    } else {
      this.logger.error(fields, 'a max-deliveries advisory could not be dead-lettered');
    }
  }
}
