import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/reconcile-env';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { AuditService } from '../audit/audit.service';
import { newId } from '../db/ids';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { fail, ReconcileErrors } from '../errors';
import { ReconcileEvents } from '../events/reconcile-events';
import { AccountMappingService } from '../mapping/account-mapping.service';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { PsaConnectionsService } from '../psa/psa-connections.service';
import { Reconciler } from '../reconciliation/reconciler.service';
import { PsaSync } from './psa-sync';
import { type SyncRunDoc, SyncRunRepository, toRunEvent } from './sync-run.repository';

const NO_COUNTS = { companies: 0, products: 0, agreements: 0, additions: 0, removed: 0 };

// Sync runs: queued, run one at a time per connection, then auto-mapping and every row recomputed before the run
// is complete. Quick runs every RECONCILE_QUICK_SYNC_INTERVAL_MS, full runs every RECONCILE_FULL_SYNC_INTERVAL_MS.
@Injectable()
export class SyncRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly serializer = new KeyedSerializer();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly runs: SyncRunRepository,
    private readonly connections: PsaConnectionRepository,
    private readonly connectionsService: PsaConnectionsService,
    private readonly sync: PsaSync,
    private readonly mappings: AccountMappingService,
    private readonly reconciler: Reconciler,
    private readonly audit: AuditService,
    private readonly events: ReconcileEvents,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A run that was in progress when the process stopped did not finish: it failed; queued runs go ahead.
    for (const run of await this.runs.inState('in_progress')) await this.finish(run, 'in_progress', new AppError(ReconcileErrors.PSA_UPSTREAM_FAILED, 'interrupted by a restart'), NO_COUNTS);
    for (const run of await this.runs.inState('pending')) this.execute(run);
    this.every(this.env.RECONCILE_QUICK_SYNC_INTERVAL_MS, 'quick');
    this.every(this.env.RECONCILE_FULL_SYNC_INTERVAL_MS, 'full');
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
  }

  async start(connectionId: string, kind: SyncRunDoc['kind'], trigger: SyncRunDoc['trigger'], actor: string): Promise<SyncRunDoc> {
    const connection = await this.connections.findById(connectionId);
    if (!connection) throw fail(ReconcileErrors.CONNECTION_NOT_FOUND, `No PSA connection ${connectionId}`);
    if (connection.kind !== 'connectwise') throw fail(ReconcileErrors.CONNECTION_INVALID_STATE, `Connection ${connectionId} is an import: import again instead of syncing`);
    const active = await this.runs.active(connectionId);
    if (active) return active;
    const now = this.clock.now();
    const run: SyncRunDoc = { _id: newId('run'), connectionId, kind, state: 'pending', trigger, requestedBy: actor, requestedAt: now, startedAt: null, finishedAt: null, error: null, counts: NO_COUNTS, revision: 1 };
    await this.runs.insert(run);
    await this.audit.record({ actor, action: 'sync.start', targetKind: 'sync-run', targetId: run._id, details: { connectionId, kind, trigger } });
    await this.events.publish('reconcile.sync-run.updated', toRunEvent(run, now));
    this.execute(run);
    return run;
  }

  private execute(run: SyncRunDoc): void {
    const work = this.serializer.run(run.connectionId, () => this.perform(run)).catch((error: unknown) => {
      this.logger.error({ err: error, run: run._id }, 'sync run bookkeeping failed');
    });
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  private async perform(queued: SyncRunDoc): Promise<void> {
    const run = await this.runs.transition(queued._id, 'pending', { state: 'in_progress', startedAt: this.clock.now() });
    if (!run) return;
    await this.events.publish('reconcile.sync-run.updated', toRunEvent(run, this.clock.now()));
    try {
      const connection = await this.connectionsService.getDoc(run.connectionId);
      const full = run.kind === 'full' || connection.watermarks.companies === null;
      const counts = await this.sync.run(connection, await this.connectionsService.adapterFor(connection._id), run._id, full);
      await this.mappings.autoMapAll();
      await this.reconciler.recomputeAll();
      await this.connections.update(connection._id, { status: 'connected', lastError: null, lastSyncAt: this.clock.now() });
      await this.finish(run, 'in_progress', null, counts);
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError(ReconcileErrors.PSA_UPSTREAM_FAILED, error instanceof Error ? error.message : String(error));
      this.logger.warn({ code: appError.code, message: appError.message, run: run._id }, 'sync run failed');
      await this.connections.update(run.connectionId, { status: 'error', lastError: { code: appError.code, message: appError.message, at: this.clock.now() } });
      await this.finish(run, 'in_progress', appError, NO_COUNTS);
    }
  }

  private async finish(run: SyncRunDoc, from: SyncRunDoc['state'], error: AppError | null, counts: SyncRunDoc['counts']): Promise<void> {
    const now = this.clock.now();
    const done = await this.runs.transition(run._id, from, {
      state: error ? 'failed' : 'complete', finishedAt: now, counts, error: error ? { code: error.code, message: error.message, at: now } : null,
    });
    if (done) await this.events.publish('reconcile.sync-run.updated', toRunEvent(done, now));
  }

  private every(intervalMs: number, kind: SyncRunDoc['kind']): void {
    const timer = setInterval(() => { void this.scheduled(kind); }, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  private async scheduled(kind: SyncRunDoc['kind']): Promise<void> {
    try {
      for (const connection of await this.connections.listKind('connectwise')) await this.start(connection._id, kind, 'schedule', 'system');
    } catch (error) {
      this.logger.warn({ err: error, kind }, 'scheduled sync could not start');
    }
  }
}
