import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@seatwise/platform/tokens';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { AutoMapper } from '../mapping/auto-mapper';
import { Reconciler } from '../reconciliation/reconciler.service';
import { PsaSync } from './psa-sync';
import type { SyncRunDoc } from './sync-run.repository';
import { SyncRunLedger } from './sync-run-ledger';

// Runs one queued run to its end: the copy, then auto-mapping and every row recomputed before it is complete.
// Any failure fails the run and marks its connection in error.
@Injectable()
export class RunSync {
  constructor(
    private readonly ledger: SyncRunLedger,
    private readonly psaSync: PsaSync,
    private readonly autoMapper: AutoMapper,
    private readonly reconciler: Reconciler,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async perform(queued: SyncRunDoc): Promise<void> {
    const run = await this.ledger.begin(queued);
    if (!run) return;
    const lease = this.ledger.keepAlive(run);
    try {
      const counts = await this.psaSync.run(run);
      await this.autoMapper.autoMapAll();
      await this.reconciler.recomputeAll();
      await this.ledger.succeeded(run, counts);
    } catch (error) {
      const appError =
        error instanceof AppError
          ? error
          : new AppError('RECONCILE.PSA_UPSTREAM_FAILED', error instanceof Error ? error.message : String(error));
      this.logger.warn({ code: appError.code, message: appError.message, run: run._id }, 'sync run failed');
      await this.ledger.failed(run, appError);
    } finally {
      lease.stop();
    }
  }
}
