import { connectSpecBus, type SpecBus } from '@seatwise/platform/testing/spec-bus';
import { startService, type StartedService } from '@seatwise/platform/testing/start-service';
import { envSchema } from '@seatwise/shared/config/reconcile-env';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { testEncryptionKeys } from '@seatwise/testing/service-env';
import { service } from '../service';

// The service on its own test scope, and a client on its bus.
export interface Reconcile extends SpecBus {
  scope: TestScope;
  app: StartedService;
}

export async function startReconcile(env: Record<string, string> = {}): Promise<Reconcile> {
  const scope = createTestScope();
  const app = await startService(service, envSchema, serviceEnv(scope, { ...testEncryptionKeys(), ...env }));
  return { scope, app, ...(await connectSpecBus(scope, 'reconcile-spec', 60_000)) };
}

export async function stopReconcile(reconcile: Reconcile | undefined): Promise<void> {
  if (!reconcile) return;
  await reconcile.app.close();
  await reconcile.nc.close();
  await reconcile.scope.cleanup();
}
