import type { z } from 'zod';
import { type BaseEnv, parseEnv } from '@seatwise/shared/config/env';
import { createLogger } from '@seatwise/shared/logging/logger';
import { createServiceApp, type ServiceDefinition } from '../bootstrap/create-service-app';

export interface StartedService {
  url: string;
  close(): Promise<void>;
}

// Starts a service in-process on a free port, as main would (same env parsing, same wiring).
export async function startService<S extends z.ZodObject>(
  definition: ServiceDefinition<z.output<S> & BaseEnv>,
  envSchema: S,
  rawEnv: Record<string, string>,
): Promise<StartedService> {
  const env = parseEnv(envSchema, rawEnv) as z.output<S> & BaseEnv;
  const { app } = await createServiceApp(definition, env, createLogger(definition.name, env.LOG_LEVEL));
  await app.listen(env.PORT, env.HOST);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { url, close: () => app.close() };
}
