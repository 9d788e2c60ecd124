import type { ServiceDefinition } from '@seatwise/platform/bootstrap/create-service-app';
import type { Env } from '@seatwise/shared/config/connector-env';
import { AccountsModule } from './accounts/accounts.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { MetricsModule } from './metrics/metrics.module';

export const service: ServiceDefinition<Env> = {
  name: 'duo-connector',
  version: process.env['npm_package_version'] ?? '0.1.0',
  imports: () => [MetricsModule, AccountsModule, IntegrationsModule],
  rpc: true,
  sealingKey: (env) => env.CONNECTOR_SEALING_KEY,
};
