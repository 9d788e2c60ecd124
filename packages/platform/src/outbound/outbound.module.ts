import { Global, Module } from '@nestjs/common';
import type { OutboundEnv } from '@seatwise/shared/config/outbound-env';
import { APP_ENV } from '../tokens';
import { HostResolver, SystemHostResolver } from './host-resolver';
import { OUTBOUND_CONFIG, OutboundPolicy, type OutboundConfig } from './outbound-policy';

/** The operator's outbound settings from a service's env (its schema spreads `outboundEnvShape`). */
export function outboundConfigFromEnv(env: OutboundEnv): OutboundConfig {
  return { allowedEndpoints: env.SEATWISE_OUTBOUND_ALLOW, psaHosts: env.SEATWISE_OUTBOUND_PSA_HOSTS };
}

// The outbound policy for a service that calls out: its config from the service's env (APP_ENV, from the
// PlatformModule) and the system resolver. Specs override HostResolver or OUTBOUND_CONFIG.
@Global()
@Module({
  providers: [
    { provide: OUTBOUND_CONFIG, inject: [APP_ENV], useFactory: outboundConfigFromEnv },
    { provide: HostResolver, useClass: SystemHostResolver },
    OutboundPolicy,
  ],
  exports: [OutboundPolicy],
})
export class OutboundModule {}
