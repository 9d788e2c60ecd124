import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { AppError } from '@seatwise/shared/errors/app-error';
import { ReconcileEvents } from '../events/reconcile-events';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { NO_COUNTS, type RunCounts, type SyncRunDoc, SyncRunRepository } from './sync-run.repository';
import { toRunEvent } from './sync-run.views';

// A run's state changes, each stored once (conditional on the state it leaves) and then announced; the outcome
// of a run that ran is also its connection's status.
@Injectable()
export class SyncRunLedger {
  constructor(
    private readonly runs: SyncRunRepository,
    private readonly connections: PsaConnectionRepository,
    private readonly events: ReconcileEvents,
    private readonly clock: Clock,
  ) {}

  // null when the run is no longer queued (another worker took it).
  async begin(queued: SyncRunDoc): Promise<SyncRunDoc | null> {
    const run = await this.runs.transition(queued._id, 'pending', {
      state: 'in_progress',
      startedAt: this.clock.now(),
    });
    if (run) await this.events.publish('reconcile.sync-run.updated', toRunEvent(run, this.clock.now()));
    return run;
  }

  async succeeded(run: SyncRunDoc, counts: RunCounts): Promise<void> {
    await this.connections.update(run.connectionId, {
      status: 'connected',
      lastError: null,
      lastSyncAt: this.clock.now(),
    });
    await this.finish(run, null, counts);
  }

  async failed(run: SyncRunDoc, error: AppError): Promise<void> {
    await this.connections.update(run.connectionId, {
      status: 'error',
      lastError: { code: error.code, message: error.message, at: this.clock.now() },
    });
    await this.finish(run, error, NO_COUNTS);
  }

  // A run that was in progress when the process stopped did not finish; its connection is left as it was.
  abandoned(run: SyncRunDoc, error: AppError): Promise<void> {
    return this.finish(run, error, NO_COUNTS);
  }

  private async finish(run: SyncRunDoc, error: AppError | null, counts: RunCounts): Promise<void> {
    const now = this.clock.now();
    const done = await this.runs.transition(run._id, 'in_progress', {
      state: error ? 'failed' : 'complete',
      finishedAt: now,
      counts,
      error: error ? { code: error.code, message: error.message, at: now } : null,
    });
    if (done) await this.events.publish('reconcile.sync-run.updated', toRunEvent(done, now));
  }
}
