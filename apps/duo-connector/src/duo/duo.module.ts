import { Module } from '@nestjs/common';
import type { Env } from '@seatwise/shared/config/connector-env';
import { OutboundModule } from '@seatwise/platform/outbound/outbound.module';
import { APP_ENV } from '@seatwise/platform/tokens';
import { ConnectorMetrics } from '../metrics/connector-metrics';
import { MetricsModule } from '../metrics/metrics.module';
import { DUO_CLIENT_SETTINGS, DuoClientFactory, type DuoClientSettingsInput } from './duo-client.factory';
import { Sleeper } from './duo-retry';
import { DuoTransport } from './duo-transport';

// Duo API clients for stored credentials. Their settings come from the env; every attempt is counted
// in the metrics, and goes out under the outbound policy.
@Module({
  imports: [MetricsModule, OutboundModule],
  providers: [
    DuoTransport,
    Sleeper,
    DuoClientFactory,
    {
      provide: DUO_CLIENT_SETTINGS,
      inject: [APP_ENV, ConnectorMetrics],
      useFactory: (env: Env, metrics: ConnectorMetrics): DuoClientSettingsInput => ({
        timeoutMs: env.CONNECTOR_DUO_TIMEOUT_MS,
        retry: {
          maxAttempts: env.CONNECTOR_DUO_MAX_ATTEMPTS,
          baseDelayMs: env.CONNECTOR_DUO_RETRY_BASE_MS,
          rateLimitBaseDelayMs: env.CONNECTOR_DUO_RATE_LIMIT_RETRY_BASE_MS,
        },
        onAttempt: (report) => {
          metrics.recordApiCall(report.status);
        },
      }),
    },
  ],
  exports: [DuoClientFactory],
})
export class DuoModule {}
