import type { z } from 'zod';
import { type BaseEnv, ConfigError, parseEnv } from '@seatwise/shared/config/env';
import { createServiceApp, type ServiceDefinition } from './create-service-app';

// The `main` of every service: parse the env once (every bad key listed, exit 1), start, and stop
// cleanly on SIGTERM/SIGINT (Nest's shutdown hooks drain consumers and close connections).
export async function runService<S extends z.ZodObject>(definition: ServiceDefinition<z.output<S> & BaseEnv>, envSchema: S): Promise<void> {
  let env: z.output<S> & BaseEnv;
  try {
    env = parseEnv(envSchema, process.env) as z.output<S> & BaseEnv;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${definition.name}: ${error.message}\n`);
    process.exit(1);
  }
  const { app, logger } = await createServiceApp(definition, env);
  await app.listen(env.PORT, env.HOST);
  logger.info({ url: await app.getUrl() }, `${definition.name} listening`);
}
