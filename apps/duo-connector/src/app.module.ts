import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@seatwise/platform/platform.module';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import type { Logger } from '@seatwise/shared/logging/logger';
import { AccountStateRepository } from './accounts/account-state.repository';
import { AccountsMessageController } from './accounts/accounts.message-controller';
import type { Env } from '@seatwise/shared/config/connector-env';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { duoProviders } from './duo/duo.module-providers';
import { HealthMessageController } from './health/health.message-controller';
import { IntegrationProbe } from './integrations/integration-probe.service';
import { IntegrationRuntime } from './integrations/integration-runtime.service';
import { IntegrationRepository } from './integrations/integration.repository';
import { IntegrationsMessageController } from './integrations/integrations.message-controller';
import { IntegrationsService } from './integrations/integrations.service';
import { ConnectorMetrics } from './metrics/connector-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { AccountJobs } from './sync/account-jobs';
import { AccountSnapshotService } from './sync/account-snapshot.service';
import { DeadLetters } from './sync/dead-letters';
import { JobScheduler } from './sync/job-scheduler';
import { LogSyncService } from './sync/log-sync.service';
import { SyncStatusService } from './sync/sync-status.service';
import { UsersSyncService } from './sync/users-sync.service';

@Module({})
export class AppModule {
  static forRoot(env: Env, info: ServiceInfo, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ env, info, logger })],
      controllers: [HealthMessageController, IntegrationsMessageController, AccountsMessageController, MetricsController],
      providers: [
        ConnectorMetrics,
        SecretCipher,
        ...duoProviders,
        IntegrationRepository,
        AccountStateRepository,
        IntegrationProbe,
        IntegrationRuntime,
        IntegrationsService,
        JobScheduler,
        DeadLetters,
        SyncStatusService,
        LogSyncService,
        UsersSyncService,
        AccountSnapshotService,
        AccountJobs,
      ],
    };
  }
}
