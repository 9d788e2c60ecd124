import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ConsumerDefinition } from '@seatwise/shared/contracts/consumers';
import type { EventName, EventPayload } from '@seatwise/shared/contracts/events';
import { DurableConsumer } from '@seatwise/shared/bus/durable-consumer';
import { EventPublisher, type PublishOptions, type PublishResult } from '@seatwise/shared/bus/publisher';
import { streamsOf } from '@seatwise/shared/bus/permissions';
import { ensureConsumer, ensureStreams } from '@seatwise/shared/bus/topology';
import type { BaseEnv } from '@seatwise/shared/config/env';
import type { ServiceInfo } from '../service-info';
import { APP_ENV, SERVICE_INFO } from '../tokens';
import { BusConnection } from './bus-connection';

// The service's door to JetStream: typed publishing and durable consumers, under the deployment prefix.
@Injectable()
export class EventBus implements OnModuleInit {
  private readonly publisher: EventPublisher;

  constructor(
    private readonly connection: BusConnection,
    @Inject(APP_ENV) private readonly env: BaseEnv,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
  ) {
    this.publisher = new EventPublisher(connection.nc, env.SEATWISE_BUS_PREFIX);
  }

  get prefix(): string {
    return this.env.SEATWISE_BUS_PREFIX;
  }

  // The streams this service publishes into or consumes from (its bus identity's, docs/events.md).
  async onModuleInit(): Promise<void> {
    await ensureStreams(this.connection.jsm, this.prefix, streamsOf(this.info.name));
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
    await ensureConsumer(this.connection.jsm, this.prefix, definition);
    return new DurableConsumer(this.connection.nc, this.connection.js, this.prefix, definition, this.publisher);
  }
}
