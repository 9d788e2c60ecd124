import { type DynamicModule, Module } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { PlatformModule } from '@seatwise/platform/platform.module';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import type { Env } from '@seatwise/shared/config/reconcile-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { ActivityMessageController } from './api/activity.message-controller';
import { MappingsMessageController } from './api/mappings.message-controller';
import { PsaMessageController } from './api/psa.message-controller';
import { ReconciliationMessageController } from './api/reconciliation.message-controller';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { ReconcileEvents } from './events/reconcile-events';
import { HealthMessageController } from './health/health.message-controller';
import { AccountMappingRepository } from './mapping/account-mapping.repository';
import { AccountMappingService } from './mapping/account-mapping.service';
import { ClaimsRepository } from './mapping/claims.repository';
import { ServiceMappingRepository } from './mapping/service-mapping.repository';
import { ServiceMappingService } from './mapping/service-mapping.service';
import { PsaAdapterFactory } from './psa/psa-adapter.factory';
import { PsaAdminService } from './psa/psa-admin.service';
import { PsaConnectionRepository } from './psa/psa-connection.repository';
import { PsaConnectionsService } from './psa/psa-connections.service';
import { PsaDataRepository } from './psa/psa-data.repository';
import { DecisionsService } from './reconciliation/decisions.service';
import { PushService } from './reconciliation/push.service';
import { Reconciler } from './reconciliation/reconciler.service';
import { RowRepository } from './reconciliation/row.repository';
import { PsaSync } from './sync/psa-sync';
import { SyncRunRepository } from './sync/sync-run.repository';
import { SyncRunner } from './sync/sync-runner.service';
import { AccountSnapshotConsumer } from './vendor/account-snapshot.consumer';
import { VendorAccountRepository } from './vendor/vendor-account.repository';

@Module({})
export class AppModule {
  static forRoot(env: Env, info: ServiceInfo, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ env, info, logger })],
      controllers: [HealthMessageController, PsaMessageController, MappingsMessageController, ReconciliationMessageController, ActivityMessageController],
      providers: [
        SecretCipher,
        ReconcileEvents,
        AuditRepository,
        AuditService,
        VendorAccountRepository,
        AccountMappingRepository,
        ServiceMappingRepository,
        ClaimsRepository,
        PsaConnectionRepository,
        PsaDataRepository,
        RowRepository,
        SyncRunRepository,
        PsaAdapterFactory,
        PsaConnectionsService,
        Reconciler,
        AccountMappingService,
        ServiceMappingService,
        PushService,
        DecisionsService,
        PsaSync,
        SyncRunner,
        PsaAdminService,
        AccountSnapshotConsumer,
      ],
    };
  }
}
