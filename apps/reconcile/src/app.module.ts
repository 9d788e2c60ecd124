import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@seatwise/platform/platform.module';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import type { Env } from '@seatwise/shared/config/reconcile-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { ActivityMessageController } from './api/activity.message-controller';
import { MappingsMessageController } from './api/mappings.message-controller';
import { PsaMessageController } from './api/psa.message-controller';
import { ReconciliationMessageController } from './api/reconciliation.message-controller';
import { AuditModule } from './audit/audit.module';
import { ConnectionsModule } from './connections/connections.module';
import { HealthMessageController } from './health/health.message-controller';
import { IntakeModule } from './intake/intake.module';
import { MappingModule } from './mapping/mapping.module';
import { PsaModule } from './psa/psa.module';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { SyncModule } from './sync/sync.module';
import { VendorAccountsModule } from './vendor-accounts/vendor-accounts.module';

@Module({})
export class AppModule {
  static forRoot(env: Env, info: ServiceInfo, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ env, info, logger }),
        AuditModule,
        VendorAccountsModule,
        PsaModule,
        ReconciliationModule,
        MappingModule,
        SyncModule,
        ConnectionsModule,
        IntakeModule,
      ],
      controllers: [
        HealthMessageController,
        PsaMessageController,
        MappingsMessageController,
        ReconciliationMessageController,
        ActivityMessageController,
      ],
    };
  }
}
