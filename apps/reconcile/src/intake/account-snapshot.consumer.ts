import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import { LOGGER } from '@seatwise/platform/tokens';
import { eachConcurrently } from '@seatwise/shared/async/each-concurrently';
import { runConsumerLoop } from '@seatwise/shared/bus/consumer-loop';
import type { ConsumedEvent } from '@seatwise/shared/bus/durable-consumer';
import { consumers } from '@seatwise/shared/contracts/consumers';
import type { Logger } from '@seatwise/shared/logging/logger';
import { AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { AutoMapper } from '../mapping/auto-mapper';
import { Reconciler } from '../reconciliation/reconciler.service';
import { VendorSnapshots } from '../vendor-accounts/vendor-snapshots';

const ACCOUNTS_AT_ONCE = 8;

// The vendor side: Duo account snapshots from the connector (durable consumer `reconcile-accounts`). Each is
// stored unless a newer one is, then the account is auto-mapped if its name allows and its rows recomputed.
// Redelivery is harmless: a snapshot already applied is stale the second time and only recomputes.
@Injectable()
export class AccountSnapshotConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly snapshots: VendorSnapshots,
    private readonly mappings: AccountMappingRepository,
    private readonly autoMapper: AutoMapper,
    private readonly reconciler: Reconciler,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = await this.bus.durableConsumer(consumers.reconcileAccounts);
    this.loop = runConsumerLoop(consumer, (batch) => this.handle(batch), {
      signal: this.abort.signal,
      max: 100,
      expiresMs: 2_000,
      onError: (error, stage) => {
        this.logger.warn({ err: error, stage }, 'account snapshot consumer error');
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async handle(batch: ConsumedEvent<'duo.account.snapshot'>[]): Promise<void> {
    const touched = new Set<string>();
    for (const { payload } of batch) {
      // The mapping first: creating it tells a new account apart without reading its missing snapshot.
      const isNew = await this.mappings.ensure({ accountId: payload.accountId }, this.clock.now());
      await this.snapshots.apply(payload, { isNew });
      touched.add(payload.accountId);
    }
    // Accounts are independent (claims keep a company to one account; each account's rows are its own), so a batch
    // is worked on several at a time: each step waits on the database more than it computes.
    await eachConcurrently(touched, ACCOUNTS_AT_ONCE, async (accountId) => {
      // Mapping an account recomputes its rows.
      if (await this.autoMapper.autoMap({ accountId })) return;
      await this.reconciler.recompute({ accountId });
    });
  }
}
