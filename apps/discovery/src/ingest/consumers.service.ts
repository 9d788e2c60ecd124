import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import { type ConsumerLoopStage, type LoopConsumer, runConsumerLoop } from '@seatwise/shared/bus/consumer-loop';
import type { Env } from '@seatwise/shared/config/discovery-env';
import { consumers } from '@seatwise/shared/contracts/consumers';
import type { Logger } from '@seatwise/shared/logging/logger';
import { AuthIngestService } from './auth/auth-ingest.service';
import { DerivationService } from './derivation.service';
import { IngestOwnership } from './ownership/ingest-ownership';
import { ownedConsumer } from './ownership/owned-consumer';
import { UsersIngestService, type UsersStreamEvent } from './users/users-ingest.service';

// The events the two consumers take, each of one account.
type AccountEventName = 'duo.authlog' | UsersStreamEvent['name'];

// Runs the two durable consumers (auth logs; users snapshots) from start-up until shutdown. A batch
// is acked only after its writes; a failed batch is nak'ed and retried with back-off.
@Injectable()
export class ConsumersService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly stop = new AbortController();
  private loops: Promise<void>[] = [];

  constructor(
    private readonly bus: EventBus,
    private readonly auth: AuthIngestService,
    private readonly users: UsersIngestService,
    private readonly derivation: DerivationService,
    private readonly ownership: IngestOwnership,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.DISCOVERY_CONSUME) return;
    // Inventories of an older derivation are reset first; the auth-log consumer then starts from the stream's start.
    await this.derivation.ensureCurrent();
    // Each partition this replica takes (at start, or when a replica joined, left or died) gets the unfinished
    // batches its previous holder left finished at once, not when their messages are redelivered (ack_wait later);
    // a failure is retried before the partition's next batch.
    this.ownership.onAcquired((partition) => {
      this.auth.recoverPartition(partition).then(
        (batches) => {
          if (batches > 0) this.logger.info({ partition, batches }, 'unfinished batches re-applied');
        },
        (error: unknown) => {
          this.logger.warn({ err: error, partition }, 'recovery failed; retried before the next batch');
        },
      );
    });
    // This replica's share of the account partitions (#18); what it takes is recovered as above.
    await this.ownership.join();
    const owned = <N extends AccountEventName>(consumer: LoopConsumer<N>) =>
      ownedConsumer(
        consumer,
        this.ownership,
        (e) => e.payload.accountId,
        (ms) => this.clock.sleep(ms),
      );
    const authConsumer = owned(await this.bus.durableConsumer(consumers.discoveryAuthLogs));
    const usersConsumer = owned(await this.bus.durableConsumer(consumers.discoveryUsers));
    const onError = (stage: string) => (error: unknown, step: ConsumerLoopStage) => {
      // 'infrastructure': the batch is held and tried again once the server is back; no delivery is spent.
      this.logger.warn({ err: error, consumer: stage, step }, 'consumer batch failed; retrying');
    };
    this.loops = [
      runConsumerLoop(authConsumer, (batch) => this.auth.handle(batch.map((e) => e.payload)), {
        max: this.env.DISCOVERY_BATCH_SIZE,
        expiresMs: this.env.DISCOVERY_BATCH_MAX_WAIT_MS,
        signal: this.stop.signal,
        onError: onError('auth-logs'),
        // Auth batches commute (sums, min/max, dedupe by txid), so the next one may be fetched early.
        prefetch: true,
      }),
      // ConsumedEvent<A | B> does not tie `payload` to `name`; the consumer validated each payload
      // against the schema of its own event name, so the pairing holds.
      runConsumerLoop(
        usersConsumer,
        (batch) => this.users.handle(batch.map((e) => ({ name: e.name, payload: e.payload }) as UsersStreamEvent)),
        {
          max: this.env.DISCOVERY_USERS_BATCH_SIZE,
          expiresMs: this.env.DISCOVERY_BATCH_MAX_WAIT_MS,
          signal: this.stop.signal,
          onError: onError('users'),
        },
      ),
    ];
  }

  // Before the connections close: let each loop finish (and ack) the batch in hand.
  // Then hand the partitions over at once rather than after their expiry.
  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await Promise.allSettled(this.loops);
    await this.ownership.leave();
  }
}
