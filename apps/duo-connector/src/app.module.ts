import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@seatwise/platform/platform.module';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import type { Env } from '@seatwise/shared/config/connector-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { AccountsModule } from './accounts/accounts.module';
import { HealthModule } from './health/health.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { MetricsModule } from './metrics/metrics.module';

@Module({})
export class AppModule {
  static forRoot(env: Env, info: ServiceInfo, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ env, info, logger }),
        HealthModule,
        MetricsModule,
        AccountsModule,
        IntegrationsModule,
      ],
    };
  }
}
