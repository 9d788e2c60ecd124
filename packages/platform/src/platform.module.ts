import { type DynamicModule, Global, Module } from '@nestjs/common';
import { busConnectOptions } from '@seatwise/shared/config/bus-env';
import type { BaseEnv } from '@seatwise/shared/config/env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { untilReachable } from './reach/until-reachable';
import { BusConnection } from './bus/bus-connection';
import { EventBus } from './bus/event-bus';
import { Clock } from './clock/clock';
import { MongoConnection } from './db/mongo-connection';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import type { ServiceInfo } from './service-info';
import { APP_ENV, LOGGER, SERVICE_INFO } from './tokens';

export interface PlatformOptions {
  env: BaseEnv;
  info: ServiceInfo;
  logger: Logger;
}

// What every Seatwise service has: its parsed env, logger, clock, NATS/JetStream and MongoDB
// connections, and the health routes.
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { env, info, logger } = options;
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers: [
        { provide: APP_ENV, useValue: env },
        { provide: SERVICE_INFO, useValue: info },
        { provide: LOGGER, useValue: logger },
        Clock,
        // Both wait for their server at start-up while it is out of reach (untilReachable).
        {
          provide: BusConnection,
          useFactory: (clock: Clock) =>
            untilReachable(() => BusConnection.open(busConnectOptions(env, info.name), info.name, logger), {
              what: 'NATS',
              logger,
              sleep: (ms) => clock.sleep(ms),
            }),
          inject: [Clock],
        },
        {
          provide: MongoConnection,
          useFactory: (clock: Clock) =>
            untilReachable(() => MongoConnection.open(env.MONGO_URL, env.MONGO_DB, info.name), {
              what: 'the database',
              logger,
              sleep: (ms) => clock.sleep(ms),
            }),
          inject: [Clock],
        },
        EventBus,
        ReadinessService,
      ],
      exports: [APP_ENV, SERVICE_INFO, LOGGER, Clock, BusConnection, MongoConnection, EventBus, ReadinessService],
    };
  }
}
