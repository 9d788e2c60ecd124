import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/reconcile-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { StartSyncRun } from './start-sync-run';
import { SyncQueue } from './sync-queue';
import { type SyncRunDoc, SyncRunRepository } from './sync-run.repository';
import { SYNC_RUN_LEASE_MS, SyncRunLedger } from './sync-run-ledger';

// Runs left by a previous process are settled at start, then every ConnectWise connection is synced quickly
// every RECONCILE_QUICK_SYNC_INTERVAL_MS and fully every RECONCILE_FULL_SYNC_INTERVAL_MS.
@Injectable()
export class SyncScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly runs: SyncRunRepository,
    private readonly ledger: SyncRunLedger,
    private readonly queue: SyncQueue,
    private readonly starter: StartSyncRun,
    private readonly connections: PsaConnectionRepository,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A run whose replica stopped mid-run (its lease ran out) failed; another replica's live run is left alone,
    // and checked again every lease period. Queued runs go ahead: the first replica to begin one runs it.
    await this.abandonExpired();
    for (const run of await this.runs.inState('pending')) this.queue.enqueue(run);
    this.every(this.env.RECONCILE_QUICK_SYNC_INTERVAL_MS, 'quick');
    this.every(this.env.RECONCILE_FULL_SYNC_INTERVAL_MS, 'full');
    const sweep = setInterval(() => {
      void this.abandonExpired();
    }, SYNC_RUN_LEASE_MS);
    sweep.unref();
    this.timers.push(sweep);
  }

  private async abandonExpired(): Promise<void> {
    try {
      const abandoned = await this.ledger.abandonExpired();
      if (abandoned > 0) this.logger.warn({ abandoned }, 'sync runs of a stopped replica failed');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not check for abandoned sync runs');
    }
  }

  // No new scheduled run once stopping; the runs under way finish.
  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.queue.settled();
  }

  private every(intervalMs: number, kind: SyncRunDoc['kind']): void {
    const timer = setInterval(() => {
      void this.scheduled(kind);
    }, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  private async scheduled(kind: SyncRunDoc['kind']): Promise<void> {
    try {
      for (const connection of await this.connections.synced()) {
        await this.starter.start(connection._id, kind, 'schedule', 'system');
      }
    } catch (error) {
      this.logger.warn({ err: error, kind }, 'scheduled sync could not start');
    }
  }
}
