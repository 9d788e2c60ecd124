import { healthOverNats } from '@seatwise/platform/testing/spec-bus';
import { startService } from '@seatwise/platform/testing/start-service';
import { testEncryptionKeys } from '@seatwise/testing/service-env';
import { describeServiceLifecycle } from '@seatwise/testing/suites/service-lifecycle.suite';
import { join } from 'node:path';
import { envSchema } from '@seatwise/shared/config/reconcile-env';
import { service } from './service';

describeServiceLifecycle({
  name: 'reconcile',
  mainPath: join(__dirname, '..', 'dist', 'main.js'),
  boot: (env) => startService(service, envSchema, env),
  extraEnv: testEncryptionKeys(),
  rpcHealth: healthOverNats('reconcile'),
});
