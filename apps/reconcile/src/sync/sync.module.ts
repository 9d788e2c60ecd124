import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { MappingModule } from '../mapping/mapping.module';
import { PsaModule } from '../psa/psa.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { PsaSync } from './psa-sync';
import { RunSync } from './run-sync';
import { StartSyncRun } from './start-sync-run';
import { SyncQueue } from './sync-queue';
import { SyncRunLedger } from './sync-run-ledger';
import { RunSlots } from './run-slots';
import { SyncRunRepository } from './sync-run.repository';
import { SyncRunSlotRepository } from './sync-run-slot.repository';
import { SyncRunsQuery } from './sync-runs.query';
import { SyncScheduler } from './sync-scheduler';

// Sync runs of ConnectWise connections: queued, run one at a time per connection, scheduled.
@Module({
  imports: [AuditModule, EventsModule, MappingModule, PsaModule, ReconciliationModule],
  providers: [
    SyncRunRepository,
    SyncRunSlotRepository,
    RunSlots,
    SyncRunLedger,
    PsaSync,
    RunSync,
    SyncQueue,
    StartSyncRun,
    SyncScheduler,
    SyncRunsQuery,
  ],
  exports: [StartSyncRun, SyncRunsQuery, SyncRunRepository, RunSlots],
})
export class SyncModule {}
