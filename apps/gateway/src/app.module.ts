import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { PlatformModule } from '@seatwise/platform/platform.module';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import type { Env } from '@seatwise/shared/config/gateway-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { ApiKeyRepository } from './auth/api-key.repository';
import { ApiKeysService } from './auth/api-keys.service';
import { AuthGuard } from './auth/auth.guard';
import { RateLimitGuard } from './auth/rate-limit.guard';
import { RoleGuard } from './auth/role.guard';
import { EventHub } from './events/event-hub';
import { EventsController } from './events/events.controller';
import { HttpPipeline } from './http/http-pipeline';
import { HttpMetrics } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { DocsController } from './openapi/docs.controller';
import { ProblemFilter } from './problems/problem.filter';
import { AccountsController } from './resources/accounts/accounts.controller';
import { ApiKeysController } from './resources/api-keys/api-keys.controller';
import { DiscoveryController } from './resources/discovery/discovery.controller';
import { IntegrationsController } from './resources/integrations/integrations.controller';
import { MappingsController } from './resources/mappings/mappings.controller';
import { PsaController } from './resources/psa/psa.controller';
import { ReconciliationController } from './resources/reconciliation/reconciliation.controller';
import { ServicesController } from './resources/services/services.controller';
import { SyncRunsController } from './resources/sync-runs/sync-runs.controller';
import { UsersController } from './resources/users/users.controller';
import { ResponseInterceptor } from './routing/response.interceptor';
import { ConnectorClient } from './upstream/connector.client';
import { DiscoveryClient } from './upstream/discovery.client';
import { ReconcileClient } from './upstream/reconcile.client';

@Module({})
export class AppModule {
  static forRoot(env: Env, info: ServiceInfo, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ env, info, logger })],
      controllers: [
        IntegrationsController,
        AccountsController,
        ServicesController,
        UsersController,
        DiscoveryController,
        PsaController,
        MappingsController,
        ReconciliationController,
        SyncRunsController,
        ApiKeysController,
        EventsController,
        MetricsController,
        DocsController,
      ],
      providers: [
        HttpMetrics,
        HttpPipeline,
        ApiKeyRepository,
        ApiKeysService,
        ConnectorClient,
        DiscoveryClient,
        ReconcileClient,
        EventHub,
        // Guards run in this order: who is calling, how often, and may they.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: RoleGuard },
        { provide: APP_INTERCEPTOR, useClass: ResponseInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
