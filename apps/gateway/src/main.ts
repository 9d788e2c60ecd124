import { runService } from '@seatwise/platform/bootstrap/run-service';
import { envSchema } from '@seatwise/shared/config/gateway-env';
import { service } from './service';

runService(service, envSchema).catch((error: unknown) => {
  process.stderr.write(
    `gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
