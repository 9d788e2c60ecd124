import type { ServiceDefinition } from '@seatwise/platform/bootstrap/create-service-app';
import type { Env } from '@seatwise/shared/config/reconcile-env';
import { ActivityMessageController } from './api/activity.message-controller';
import { MappingsMessageController } from './api/mappings.message-controller';
import { PsaMessageController } from './api/psa.message-controller';
import { ReconciliationMessageController } from './api/reconciliation.message-controller';
import { TicketsMessageController } from './api/tickets.message-controller';
import { AuditModule } from './audit/audit.module';
import { ConnectionsModule } from './connections/connections.module';
import { IntakeModule } from './intake/intake.module';
import { MappingModule } from './mapping/mapping.module';
import { PsaModule } from './psa/psa.module';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { SettingsModule } from './settings/settings.module';
import { SyncModule } from './sync/sync.module';
import { TicketsModule } from './tickets/tickets.module';
import { VendorAccountsModule } from './vendor-accounts/vendor-accounts.module';

export const service: ServiceDefinition<Env> = {
  name: 'reconcile',
  version: process.env['npm_package_version'] ?? '0.1.0',
  imports: () => [
    AuditModule,
    VendorAccountsModule,
    PsaModule,
    SettingsModule,
    ReconciliationModule,
    MappingModule,
    SyncModule,
    ConnectionsModule,
    IntakeModule,
    TicketsModule,
  ],
  // The request-reply API spans the features it exposes.
  controllers: [
    PsaMessageController,
    MappingsMessageController,
    ReconciliationMessageController,
    ActivityMessageController,
    TicketsMessageController,
  ],
  rpc: true,
  sealingKey: (env) => env.RECONCILE_SEALING_KEY,
};
