import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { LOGGER } from '@seatwise/platform/tokens';
import { runConsumerLoop } from '@seatwise/shared/bus/consumer-loop';
import type { ConsumedEvent } from '@seatwise/shared/bus/durable-consumer';
import { consumers } from '@seatwise/shared/contracts/consumers';
import type { Logger } from '@seatwise/shared/logging/logger';
import { AccountUsageRepository } from './account-usage.repository';

// Discovery's per-account usage (durable consumer `reconcile-account-usage`): stored newest-revision-wins, so a
// redelivered or late event changes nothing. Rows read it when viewed; nothing is recomputed.
@Injectable()
export class AccountUsageConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly usage: AccountUsageRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = await this.bus.durableConsumer(consumers.reconcileAccountUsage);
    this.loop = runConsumerLoop(consumer, (batch) => this.handle(batch), {
      signal: this.abort.signal,
      max: 200,
      expiresMs: 2_000,
      onError: (error, stage) => {
        this.logger.warn({ err: error, stage }, 'account usage consumer error');
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async handle(batch: ConsumedEvent<'discovery.account.usage'>[]): Promise<void> {
    for (const { payload } of batch) await this.usage.storeIfNewer(payload);
  }
}
