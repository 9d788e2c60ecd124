import { startService } from '@seatwise/platform/testing/start-service';
import { describeServiceLifecycle } from '@seatwise/testing/suites/service-lifecycle.suite';
import { join } from 'node:path';
import { envSchema } from '@seatwise/shared/config/gateway-env';
import { service } from './service';

describeServiceLifecycle({
  name: 'gateway',
  mainPath: join(__dirname, '..', 'dist', 'main.js'),
  boot: (env) => startService(service, envSchema, env),
});
