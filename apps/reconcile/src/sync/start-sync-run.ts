import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { SyncRunView } from '@seatwise/shared/contracts/reconcile-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { newId } from '../db/ids';
import { ReconcileEvents } from '../events/reconcile-events';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { SyncQueue } from './sync-queue';
import { RunSlots } from './run-slots';
import { NO_COUNTS, type SyncRunDoc } from './sync-run.repository';
import { toRunEvent, toRunView } from './sync-run.views';

// Queues a sync run of a ConnectWise connection; a run already queued or running is returned instead, so
// starting twice, on one replica or two at once, never syncs twice (RunSlots).
@Injectable()
export class StartSyncRun {
  constructor(
    private readonly connections: PsaConnectionRepository,
    private readonly slots: RunSlots,
    private readonly queue: SyncQueue,
    private readonly audit: AuditService,
    private readonly events: ReconcileEvents,
    private readonly clock: Clock,
  ) {}

  async requested(request: RpcInput<'reconcile.sync-runs.start'>): Promise<SyncRunView> {
    return toRunView(await this.start(request.connectionId, request.kind, 'manual', request.actor));
  }

  async start(
    connectionId: string,
    kind: SyncRunDoc['kind'],
    trigger: SyncRunDoc['trigger'],
    actor: string,
  ): Promise<SyncRunDoc> {
    const connection = await this.connections.mustFind(connectionId);
    if (connection.kind === 'import') {
      throw new AppError(
        'RECONCILE.CONNECTION_INVALID_STATE',
        `Connection ${connectionId} is an import: import again instead of syncing`,
      );
    }
    const now = this.clock.now();
    const run: SyncRunDoc = {
      _id: newId('run'),
      connectionId,
      kind,
      state: 'pending',
      trigger,
      requestedBy: actor,
      requestedAt: now,
      startedAt: null,
      finishedAt: null,
      error: null,
      counts: { ...NO_COUNTS },
      revision: 1,
    };
    const slot = await this.slots.queueUnlessActive(run);
    if (!slot.queued) return slot.run;
    await this.audit.record({
      actor,
      action: 'sync.start',
      targetKind: 'sync-run',
      targetId: run._id,
      details: { connectionId, kind, trigger },
    });
    await this.events.publish('reconcile.sync-run.updated', toRunEvent(run, now));
    this.queue.enqueue(run);
    return run;
  }
}
