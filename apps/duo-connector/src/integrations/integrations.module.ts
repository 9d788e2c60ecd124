import { Module } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { AccountsModule } from '../accounts/accounts.module';
import { DuoModule } from '../duo/duo.module';
import { LeasesModule } from '../leases/leases.module';
import { MetricsModule } from '../metrics/metrics.module';
import { SyncModule } from '../sync/sync.module';
import { AccountsListed } from './accounts-listed';
import { ChildAccountsJob } from './child-accounts.job';
import { IntegrationBootstrap } from './integration-bootstrap.service';
import { IntegrationChanges } from './integration-changes';
import { IntegrationControl } from './integration-control.service';
import { IntegrationEditor } from './integration-editor.service';
import { IntegrationProbe } from './integration-probe.service';
import { IntegrationQueries } from './integration-queries.service';
import { IntegrationRuntime } from './integration-runtime.service';
import { IntegrationWatcher } from './integration-watcher.service';
import { IntegrationRepository } from './integration.repository';
import { IntegrationsMessageController } from './integrations.message-controller';

// Duo integrations (API credentials, secret encrypted): stored, probed, and turned into polled accounts.
@Module({
  imports: [AccountsModule, DuoModule, LeasesModule, MetricsModule, SyncModule],
  controllers: [IntegrationsMessageController],
  providers: [
    SecretCipher,
    IntegrationRepository,
    IntegrationQueries,
    IntegrationProbe,
    IntegrationEditor,
    IntegrationControl,
    IntegrationChanges,
    IntegrationRuntime,
    AccountsListed,
    ChildAccountsJob,
    IntegrationBootstrap,
    IntegrationWatcher,
  ],
})
export class IntegrationsModule {}
