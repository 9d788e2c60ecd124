import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from '@seatwise/shared/logging/logger';
import { PlatformModule } from '@seatwise/platform/platform.module';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import type { Env } from '@seatwise/shared/config/gateway-env';

@Module({})
export class AppModule {
  static forRoot(env: Env, info: ServiceInfo, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ env, info, logger })],
    };
  }
}
