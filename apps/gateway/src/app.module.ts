import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { BodyModule } from './body/body.module';
import { EventsModule } from './events/events.module';
import { HttpPipelineModule } from './http/http-pipeline.module';
import { MetricsModule } from './metrics/metrics.module';
import { DocsModule } from './openapi/docs.module';
import { ProblemsModule } from './problems/problems.module';
import { AccountsModule } from './resources/accounts/accounts.module';
import { AlertChannelsModule } from './resources/alert-channels/alert-channels.module';
import { AlertsModule } from './resources/alerts/alerts.module';
import { ApiKeysModule } from './resources/api-keys/api-keys.module';
import { CatalogModule } from './resources/catalog/catalog.module';
import { DiscoveryModule } from './resources/discovery/discovery.module';
import { IntegrationsModule } from './resources/integrations/integrations.module';
import { MappingsModule } from './resources/mappings/mappings.module';
import { PsaModule } from './resources/psa/psa.module';
import { ReconciliationModule } from './resources/reconciliation/reconciliation.module';
import { SecretsModule } from './resources/secrets/secrets.module';
import { ServicesModule } from './resources/services/services.module';
import { SyncRunsModule } from './resources/sync-runs/sync-runs.module';
import { UsersModule } from './resources/users/users.module';
import { RoutingModule } from './routing/routing.module';
import { SessionModule } from './session/session.module';

// The gateway's features; service.ts adds the platform (env, logger, NATS, MongoDB, health) around them.
@Module({
  imports: [
    HttpPipelineModule,
    AuthModule,
    // Its guard reads the body: after AuthModule's guards (global guards run in module order).
    BodyModule,
    RoutingModule,
    ProblemsModule,
    // The resources in the order the OpenAPI document lists them.
    IntegrationsModule,
    AccountsModule,
    ServicesModule,
    UsersModule,
    DiscoveryModule,
    CatalogModule,
    PsaModule,
    MappingsModule,
    ReconciliationModule,
    SyncRunsModule,
    // Before AlertsModule: /api/v1/alerts/channels must not be read as the alert id "channels".
    AlertChannelsModule,
    AlertsModule,
    ApiKeysModule,
    SecretsModule,
    SessionModule,
    EventsModule,
    MetricsModule,
    DocsModule,
  ],
})
export class AppModule {}
