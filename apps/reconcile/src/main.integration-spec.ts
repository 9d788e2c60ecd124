import { healthOverNats } from '@seatwise/platform/testing/spec-bus';
import { startService } from '@seatwise/platform/testing/start-service';
import { describeServiceLifecycle } from '@seatwise/testing/suites/service-lifecycle.suite';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { envSchema } from '@seatwise/shared/config/reconcile-env';
import { service } from './service';

describeServiceLifecycle({
  name: 'reconcile',
  mainPath: join(__dirname, '..', 'dist', 'main.js'),
  boot: (env) => startService(service, envSchema, env),
  extraEnv: { SEATWISE_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` },
  rpcHealth: healthOverNats('reconcile'),
});
