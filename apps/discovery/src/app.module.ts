import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from '@seatwise/shared/logging/logger';
import { PlatformModule } from '@seatwise/platform/platform.module';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import type { Env } from '@seatwise/shared/config/discovery-env';
import { OverviewMessageController } from './api/overview.message-controller';
import { ServicesMessageController } from './api/services.message-controller';
import { UsersMessageController } from './api/users.message-controller';
import { SaasCatalog } from './catalog/saas-catalog';
import { CurationService } from './curation/curation.service';
import { ActionsRepository } from './db/actions.repository';
import { InventoryWrites } from './db/inventory-writes';
import { JournalRepository } from './db/journal.repository';
import { ServicesRepository } from './db/services.repository';
import { SnapshotsRepository } from './db/snapshots.repository';
import { UsageRepository } from './db/usage.repository';
import { UsersRepository } from './db/users.repository';
import { WriteLock } from './db/write-lock';
import { HealthMessageController } from './health/health.message-controller';
import { Announcer } from './ingest/announcer';
import { AuthIngestService } from './ingest/auth-ingest.service';
import { BatchPlanner } from './ingest/batch-planner';
import { ConsumersService } from './ingest/consumers.service';
import { UsersIngestService } from './ingest/users-ingest.service';
import { ActionsQuery } from './query/actions.query';
import { ServicesQuery } from './query/services.query';
import { SummaryQuery } from './query/summary.query';
import { UsersQuery } from './query/users.query';

@Module({})
export class AppModule {
  static forRoot(env: Env, info: ServiceInfo, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ env, info, logger })],
      controllers: [HealthMessageController, ServicesMessageController, UsersMessageController, OverviewMessageController],
      providers: [
        { provide: SaasCatalog, useFactory: () => new SaasCatalog() },
        WriteLock,
        InventoryWrites,
        JournalRepository,
        ServicesRepository,
        UsersRepository,
        UsageRepository,
        ActionsRepository,
        SnapshotsRepository,
        Announcer,
        BatchPlanner,
        AuthIngestService,
        UsersIngestService,
        ConsumersService,
        CurationService,
        ServicesQuery,
        UsersQuery,
        ActionsQuery,
        SummaryQuery,
      ],
    };
  }
}
