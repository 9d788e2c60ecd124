import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import { runConsumerLoop } from '@seatwise/shared/bus/consumer-loop';
import type { ConsumedEvent } from '@seatwise/shared/bus/durable-consumer';
import type { Env } from '@seatwise/shared/config/alerts-env';
import { consumers, type ConsumerDefinition } from '@seatwise/shared/contracts/consumers';
import type { EventName } from '@seatwise/shared/contracts/events';
import type { Logger } from '@seatwise/shared/logging/logger';
import { EventIntake } from './event-intake';

// The service's four durable consumers (contracts/consumers.ts: alerts-*), one loop each. A batch is acked only
// after its states and alerts are written: a crash before the ack redelivers it, which changes nothing twice.
@Injectable()
export class AlertConsumers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly abort = new AbortController();
  private loops: Promise<void>[] = [];

  constructor(
    private readonly bus: EventBus,
    private readonly intake: EventIntake,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.ALERTS_CONSUME) return;
    await this.start(consumers.alertsSyncStatus, (batch) => this.intake.syncStatus(batch));
    // Auth logs fold by maximum (order does not matter), so the next batch is fetched while one is handled.
    await this.start(consumers.alertsAuthLogs, (batch) => this.intake.authLogs(batch), { max: 5_000, prefetch: true });
    await this.start(consumers.alertsDiscovery, (batch) => this.intake.discovery(batch));
    await this.start(consumers.alertsReconcile, (batch) => this.intake.reconcile(batch));
  }

  async onApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.loops);
  }

  private async start<N extends EventName>(
    definition: ConsumerDefinition & { events: readonly N[] },
    handle: (batch: ConsumedEvent<N>[]) => Promise<void>,
    options: { max: number; prefetch?: boolean } = { max: 200 },
  ): Promise<void> {
    const consumer = await this.bus.durableConsumer(definition);
    const loop = runConsumerLoop(consumer, handle, {
      signal: this.abort.signal,
      ...options,
      expiresMs: 1_000,
      onError: (error, stage) => {
        this.logger.warn({ err: error, stage, consumer: definition.durable }, 'alerts consumer error');
      },
    });
    this.loops.push(loop);
  }
}
