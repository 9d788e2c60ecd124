import { Module } from '@nestjs/common';
import { AccountUsageModule } from '../account-usage/account-usage.module';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { MappingStoreModule } from '../mapping-store/mapping-store.module';
import { PsaModule } from '../psa/psa.module';
import { SettingsModule } from '../settings/settings.module';
import { VendorAccountsModule } from '../vendor-accounts/vendor-accounts.module';
import { DecisionsService } from './decisions.service';
import { AccountRowIdsRepository } from './account-row-ids.repository';
import { RowsVersionRepository } from './rows-version.repository';
import { AgreementChoice } from './agreement-choice';
import { DesiredRows } from './desired-rows';
import { OutboxRelay } from './outbox-relay';
import { PushLeases } from './push-leases';
import { RowChanges } from './row-changes';
import { BusRowEvents, RowEvents } from './row-events';
import { RowOutboxRepository } from './row-outbox.repository';
import { PushService } from './push.service';
import { ReconcileReadiness } from './readiness';
import { Reconciler } from './reconciler.service';
import { RowNotesService } from './row-notes.service';
import { RowRevisionClaims } from './row-revision-claims';
import { RowViewer } from './row-viewer';
import { RowWriter } from './row-writer';
import { RowRepository } from './row.repository';
import { RowsSummaryQuery } from './rows-summary.query';
import { RowsQuery } from './rows.query';

// Rows (mapped account × service): recomputed from the data, decided by people, pushed to the PSA.
@Module({
  imports: [
    AccountUsageModule,
    AuditModule,
    EventsModule,
    MappingStoreModule,
    PsaModule,
    SettingsModule,
    VendorAccountsModule,
  ],
  providers: [
    RowRevisionClaims,
    PushLeases,
    RowOutboxRepository,
    RowChanges,
    { provide: RowEvents, useClass: BusRowEvents },
    OutboxRelay,
    AccountRowIdsRepository,
    RowsVersionRepository,
    RowRepository,
    ReconcileReadiness,
    DesiredRows,
    AgreementChoice,
    RowWriter,
    Reconciler,
    PushService,
    DecisionsService,
    RowNotesService,
    RowViewer,
    RowsQuery,
    RowsSummaryQuery,
  ],
  exports: [Reconciler, DecisionsService, RowNotesService, RowsQuery, RowsSummaryQuery],
})
export class ReconciliationModule {}
