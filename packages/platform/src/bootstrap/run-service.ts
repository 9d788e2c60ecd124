import type { z } from 'zod';
import { type BaseEnv, parseEnvOrReport } from '@seatwise/shared/config/env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { runMain } from '@seatwise/shared/process/run-main';
import { createServiceApp, type ServiceDefinition } from './create-service-app';

// The `main` of every service: parse the env once (every bad key listed, exit 1), start (a failure to
// start prints its stack and exits 1), and stop cleanly on SIGTERM/SIGINT (Nest's shutdown hooks drain
// consumers and close connections).
export function runService<S extends z.ZodObject>(
  definition: ServiceDefinition<z.output<S> & BaseEnv>,
  envSchema: S,
): void {
  runMain(`${definition.name} start`, () => serve(definition, envSchema));
}

async function serve<S extends z.ZodObject>(
  definition: ServiceDefinition<z.output<S> & BaseEnv>,
  envSchema: S,
): Promise<void> {
  const env = parseEnvOrReport(envSchema, process.env, definition.name) as (z.output<S> & BaseEnv) | null;
  if (!env) process.exit(1);
  const { app, logger } = await createServiceApp(definition, env);
  stopOnSignals(() => app.close(), logger);
  await app.listen(env.PORT, env.HOST);
  logger.info({ url: await app.getUrl() }, `${definition.name} listening`);
}

const SHUTDOWN_DEADLINE_MS = 25_000;

// app.close() runs Nest's shutdown hooks (consumers finish their batch, connections drain), then
// the process exits 0. A second signal, or a shutdown past its deadline, exits at once.
function stopOnSignals(close: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
