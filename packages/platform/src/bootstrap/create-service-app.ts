import 'reflect-metadata';
import { type DynamicModule, type INestApplication, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { busServers } from '@seatwise/shared/bus/connect';
import { busConnectOptions } from '@seatwise/shared/config/bus-env';
import type { BaseEnv } from '@seatwise/shared/config/env';
import type { ServiceName } from '@seatwise/shared/contracts/rpc-definition';
import { createLogger, type Logger } from '@seatwise/shared/logging/logger';
import { installSecretOpener, SealedSecretOpener, sodiumReady } from '../crypto/sealed-box';
import { healthRpcController } from '../health/health-rpc.controller';
import { PinoNestLogger } from '../logging/pino-nest-logger';
import { PrefixedNatsServer } from '../nats/prefixed-nats.server';
import { RpcErrorFilter } from '../rpc/rpc-exception.filter';
import { PlatformModule } from '../platform.module';
import { newInstanceId, type ServiceInfo } from '../service-info';

type ModuleImport = Type | DynamicModule;

export interface ServiceDefinition<E extends BaseEnv> {
  name: ServiceName;
  version: string;
  // The app's feature modules, given its parsed env. The root module adds the platform module (env,
  // logger, connections, health routes) and, for an RPC service, its `<name>.health` handler.
  imports: (env: E) => ModuleImport[];
  // Controllers that belong to no feature module (the app's request-reply API, when it spans features).
  controllers?: Type[];
  // Whether the service answers request-reply over NATS.
  rpc: boolean;
  // A service that stores third-party secrets: its key for opening those the gateway seals to it on the bus.
  sealingKey?: (env: E) => Buffer | undefined;
}

@Module({})
class ServiceRootModule {}

// The service's root module as main builds it (tests compile the same tree).
export function rootModule<E extends BaseEnv>(
  definition: ServiceDefinition<E>,
  env: E,
  info: ServiceInfo,
  logger: Logger,
): DynamicModule {
  const health = definition.rpc && definition.name !== 'gateway' ? [healthRpcController(definition.name)] : [];
  return {
    module: ServiceRootModule,
    imports: [PlatformModule.forRoot({ env, info, logger }), ...definition.imports(env)],
    controllers: [...health, ...(definition.controllers ?? [])],
  };
}

export interface ServiceApp {
  app: INestApplication;
  logger: Logger;
}

// Builds the HTTP app plus (optionally) the NATS RPC server, not yet listening: tests and main both use it.
export async function createServiceApp<E extends BaseEnv>(
  definition: ServiceDefinition<E>,
  env: E,
  logger?: Logger,
): Promise<ServiceApp> {
  const log = logger ?? createLogger(definition.name, env.LOG_LEVEL);
  const sealingKey = definition.sealingKey?.(env);
  if (sealingKey) {
    await sodiumReady();
    installSecretOpener(new SealedSecretOpener(sealingKey));
  }
  const info: ServiceInfo = {
    name: definition.name,
    version: definition.version,
    startedAt: new Date(),
    instanceId: newInstanceId(),
  };
  const app = await NestFactory.create(rootModule(definition, env, info, log), {
    logger: new PinoNestLogger(log),
    abortOnError: false,
  });
  if (definition.rpc) {
    const { url, credentials, inboxPrefix, tls } = busConnectOptions(env, definition.name);
    const strategy = new PrefixedNatsServer(env.SEATWISE_BUS_PREFIX, {
      servers: busServers(url, credentials),
      ...credentials,
      inboxPrefix,
      ...(tls === undefined ? {} : { tls }),
      name: `${definition.name}-rpc`,
      queue: definition.name,
      reconnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      gracefulShutdown: true,
      gracePeriod: 2_000,
    });
    // inheritAppConfig copies the global filters at this call, so the filter is registered first.
    app.useGlobalFilters(new RpcErrorFilter(log));
    app.connectMicroservice({ strategy }, { inheritAppConfig: true });
  }
  await app.init();
  await app.startAllMicroservices();
  return { app, logger: log };
}
