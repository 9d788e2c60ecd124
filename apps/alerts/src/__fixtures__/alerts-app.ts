import { connectSpecBus, type SpecBus } from '@seatwise/platform/testing/spec-bus';
import { startService, type StartedService } from '@seatwise/platform/testing/start-service';
import { envSchema } from '@seatwise/shared/config/alerts-env';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { testEncryptionKeys } from '@seatwise/testing/service-env';
import { service } from '../service';

// The alerts service on its own test scope (restartable on the same database and bus), and a client on its bus.
export interface Alerts extends SpecBus {
  scope: TestScope;
  app: StartedService;
  env: Record<string, string>;
  restart(): Promise<void>;
}

// Fast timers: time-based rules, dispatch and retries run in spec time.
export const FAST_ALERTS_ENV = {
  ALERTS_EVALUATE_INTERVAL_MS: '200',
  ALERTS_DISPATCH_INTERVAL_MS: '100',
  ALERTS_DELIVERY_RETRY_BASE_MS: '50',
};

export async function startAlerts(extra: Record<string, string> = {}): Promise<Alerts> {
  const scope = createTestScope();
  const env = serviceEnv(scope, { ...testEncryptionKeys(), ...FAST_ALERTS_ENV, ...extra });
  const alerts: Alerts = {
    scope,
    env,
    app: await startService(service, envSchema, env),
    ...(await connectSpecBus(scope, 'alerts-spec', 30_000)),
    async restart() {
      await alerts.app.close();
      alerts.app = await startService(service, envSchema, env);
    },
  };
  return alerts;
}

export async function stopAlerts(alerts: Alerts | undefined): Promise<void> {
  if (!alerts) return;
  await alerts.app.close();
  await alerts.nc.close();
  await alerts.scope.cleanup();
}
