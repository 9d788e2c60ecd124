import { healthOverNats } from '@seatwise/platform/testing/spec-bus';
import { startService } from '@seatwise/platform/testing/start-service';
import { describeServiceLifecycle } from '@seatwise/testing/suites/service-lifecycle.suite';
import { join } from 'node:path';
import { envSchema } from '@seatwise/shared/config/discovery-env';
import { service } from './service';

describeServiceLifecycle({
  name: 'discovery',
  mainPath: join(__dirname, '..', 'dist', 'main.js'),
  boot: (env) => startService(service, envSchema, env),
  rpcHealth: healthOverNats('discovery'),
});
