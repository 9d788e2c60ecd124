import { Inject, Injectable } from '@nestjs/common';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { LOGGER } from '@seatwise/platform/tokens';
import type { Logger } from '@seatwise/shared/logging/logger';
import { RunSync } from './run-sync';
import type { SyncRunDoc } from './sync-run.repository';

// Queued runs, one at a time per connection (runs of different connections alongside), kept track of so that a
// shutdown can wait for them.
@Injectable()
export class SyncQueue {
  private readonly serializer = new KeyedSerializer();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly runSync: RunSync,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  enqueue(run: SyncRunDoc): void {
    const work = this.serializer
      .run(run.connectionId, () => this.runSync.perform(run))
      .catch((error: unknown) => {
        this.logger.error({ err: error, run: run._id }, 'sync run bookkeeping failed');
      });
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
