import { Inject, Injectable } from '@nestjs/common';
import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import { SecretSealer } from './secret-sealer';
import { UpstreamClient } from './upstream-client';

@Injectable()
export class DiscoveryClient extends UpstreamClient<'discovery'> {
  constructor(bus: BusConnection, @Inject(APP_ENV) env: Env, sealer: SecretSealer) {
    super(bus, env.SEATWISE_BUS_PREFIX, env.GATEWAY_DISCOVERY_TIMEOUT_MS, sealer);
  }
}
