import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import { LOGGER, SERVICE_INFO } from '@seatwise/platform/tokens';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { ReconcileEvents } from '../events/reconcile-events';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { NO_COUNTS, type RunCounts, type SyncRunDoc, SyncRunRepository } from './sync-run.repository';
import { RunSlots } from './run-slots';
import { toRunEvent } from './sync-run.views';

// How long a run in progress is known to be alive without its replica renewing the lease (three times per period).
// A replica that dies with a run in progress has it failed by another within two periods.
export const SYNC_RUN_LEASE_MS = 30_000;

// A run's state changes, each stored once (conditional on the state it leaves) and then announced; the outcome
// of a run that ran is also its connection's status.
@Injectable()
export class SyncRunLedger {
  constructor(
    private readonly runs: SyncRunRepository,
    private readonly slots: RunSlots,
    private readonly connections: PsaConnectionRepository,
    private readonly events: ReconcileEvents,
    private readonly clock: Clock,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // null when the run is no longer queued (another worker took it). The run is this replica's, under a lease.
  async begin(queued: SyncRunDoc): Promise<SyncRunDoc | null> {
    const run = await this.runs.transition(queued._id, 'pending', {
      state: 'in_progress',
      startedAt: this.clock.now(),
      owner: this.info.instanceId,
      leaseUntil: this.leaseEnd(),
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

  // Renews the lease of a run this replica performs until `stop` is called.
  keepAlive(run: SyncRunDoc): { stop: () => void } {
    const timer = setInterval(() => {
      void this.renew(run);
    }, SYNC_RUN_LEASE_MS / 3);
    timer.unref();
    return {
      stop: () => {
        clearInterval(timer);
      },
    };
  }

  // Runs in progress whose replica stopped (its lease ran out) did not finish: they failed; their connections are
  // left as they were. A live replica's runs are left alone. Returns how many.
  async abandonExpired(): Promise<number> {
    const interrupted = new AppError('RECONCILE.PSA_UPSTREAM_FAILED', 'interrupted: the replica running it stopped');
    let abandoned = 0;
    for (const run of await this.runs.expired(this.clock.now())) {
      const now = this.clock.now();
      const done = await this.runs.transitionExpired(run, {
        state: 'failed',
        finishedAt: now,
        counts: { ...NO_COUNTS },
        error: { code: interrupted.code, message: interrupted.message, at: now },
      });
      if (!done) continue; // renewed or finished meanwhile
      abandoned += 1;
      await this.slots.release(done);
      await this.events.publish('reconcile.sync-run.updated', toRunEvent(done, now));
    }
    return abandoned;
  }

  private async renew(run: SyncRunDoc): Promise<void> {
    try {
      if (!(await this.runs.renewLease(run._id, this.info.instanceId, this.leaseEnd()))) {
        this.logger.warn({ run: run._id }, 'sync run lease lost: another replica failed it as abandoned');
      }
    } catch (error) {
      this.logger.warn({ err: error, run: run._id }, 'sync run lease not renewed; tried again shortly');
    }
  }

  private leaseEnd(): Date {
    return new Date(this.clock.nowMs() + SYNC_RUN_LEASE_MS);
  }

  private async finish(run: SyncRunDoc, error: AppError | null, counts: RunCounts): Promise<void> {
    const now = this.clock.now();
    const done = await this.runs.transition(run._id, 'in_progress', {
      state: error ? 'failed' : 'complete',
      finishedAt: now,
      counts,
      error: error ? { code: error.code, message: error.message, at: now } : null,
    });
    if (!done) return;
    await this.slots.release(done);
    await this.events.publish('reconcile.sync-run.updated', toRunEvent(done, now));
  }
}
