import type { ServiceDefinition } from '@seatwise/platform/bootstrap/create-service-app';
import { AppModule } from './app.module';
import type { Env } from '@seatwise/shared/config/gateway-env';

export const service: ServiceDefinition<Env> = {
  name: 'gateway',
  version: process.env['npm_package_version'] ?? '0.1.0',
  module: (env, info, logger) => AppModule.forRoot(env, info, logger),
  rpc: false,
};
