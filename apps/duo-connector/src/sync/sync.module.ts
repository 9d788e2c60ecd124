import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { LeasesModule } from '../leases/leases.module';
import { MetricsModule } from '../metrics/metrics.module';
import { AccountJobs } from './account-jobs';
import { AccountSnapshotService } from './account-snapshot.service';
import { AccountTracker } from './account-tracker';
import { FetchedPages } from './fetched-pages';
import { JobScheduler } from './job-scheduler';
import { LogSyncService } from './log-sync.service';
import { RecordPublisher } from './record-publisher';
import { SyncStatusService } from './sync-status.service';
import { UsersSyncService } from './users-sync.service';

// Polling of Duo accounts: auth-log pages and users/account snapshots published to JetStream, under
// one paced scheduler. Others start and stop accounts (AccountTracker) and schedule their own jobs on
// the same scheduler, so its concurrency cap covers every Duo call.
@Module({
  imports: [AccountsModule, LeasesModule, MetricsModule],
  providers: [
    JobScheduler,
    RecordPublisher,
    SyncStatusService,
    FetchedPages,
    LogSyncService,
    UsersSyncService,
    AccountSnapshotService,
    AccountJobs,
    AccountTracker,
  ],
  exports: [AccountTracker, JobScheduler],
})
export class SyncModule {}
