import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { PeriodicTask } from '@seatwise/platform/clock/periodic-task';
import { LOGGER } from '@seatwise/platform/tokens';
import type { Logger } from '@seatwise/shared/logging/logger';
import { RowChanges } from './row-changes';
import { RowOutboxRepository } from './row-outbox.repository';

// An entry this old was left by its writer (a change takes milliseconds): it is completed or dropped.
export const OUTBOX_LEFT_AFTER_MS = 30_000;
const SWEEP_MS = 10_000;
const BATCH = 200;

// Completes the row changes whose writer stopped between the row and its announcement (RowChanges), on any replica:
// completing an entry twice writes nothing twice.
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask(
    () => this.sweep(),
    (error) => {
      this.logger.warn({ err: error }, 'outbox sweep failed; tried again at the next');
    },
  );

  constructor(
    private readonly outbox: RowOutboxRepository,
    private readonly changes: RowChanges,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(SWEEP_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  // One sweep at a time; resolves when the entries left so far are completed (or the sweep failed, logged).
  sweepOnce(): Promise<void> {
    return this.task.tick();
  }

  private async sweep(): Promise<void> {
    const before = new Date(this.clock.nowMs() - OUTBOX_LEFT_AFTER_MS);
    for (let left = await this.outbox.leftBefore(before, BATCH); left.length > 0;) {
      for (const entry of left) await this.changes.complete(entry);
      if (left.length < BATCH) return;
      left = await this.outbox.leftBefore(before, BATCH);
    }
  }
}
