import type { ServiceDefinition } from '@seatwise/platform/bootstrap/create-service-app';
import type { Env } from '@seatwise/shared/config/gateway-env';
import { AppModule } from './app.module';

export const service: ServiceDefinition<Env> = {
  name: 'gateway',
  version: process.env['npm_package_version'] ?? '0.1.0',
  imports: () => [AppModule],
  rpc: false,
};
