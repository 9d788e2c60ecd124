import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@seatwise/platform/platform.module';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import type { Env } from '@seatwise/shared/config/discovery-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { CatalogModule } from './catalog/catalog.module';
import { CurationModule } from './curation/curation.module';
import { HealthModule } from './health/health.module';
import { IngestModule } from './ingest/ingest.module';
import { QueryModule } from './query/query.module';

@Module({})
export class AppModule {
  static forRoot(env: Env, info: ServiceInfo, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ env, info, logger }),
        HealthModule,
        CatalogModule,
        QueryModule,
        CurationModule,
        IngestModule,
      ],
    };
  }
}
