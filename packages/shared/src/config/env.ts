import { z } from 'zod';
import { AppError, ErrorCodes } from '../errors/app-error';
import { describeIssues } from '../validation/zod-issues';

// Keys every Seatwise service reads; each app extends this with its own.
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  NATS_URL: z
    .string()
    .min(1)
    .regex(/^(nats|tls|ws|wss):\/\/[^\s]+$/, 'must be a nats:// URL (comma-separate several)'),
  // The bus identity: a user of the NATS server's authorization, with its own password. NATS_USER
  // defaults to the service's name (see bus/permissions.ts for what each may do); without a password
  // the service connects unauthenticated, to an open bus.
  NATS_USER: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits or -')
    .optional(),
  NATS_PASSWORD: z.string().min(16, 'must be at least 16 characters').optional(),
  // TLS to the bus: the CA of the server's certificate, and a client certificate where the server asks.
  NATS_TLS_CA_FILE: z.string().min(1).optional(),
  NATS_TLS_CERT_FILE: z.string().min(1).optional(),
  NATS_TLS_KEY_FILE: z.string().min(1).optional(),
  MONGO_URL: z.string().regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must be a mongodb:// URL'),
  MONGO_DB: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be 1-63 letters, digits, _ or -'),
  SEATWISE_BUS_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be lower-case letters, digits, _ or -, starting with a letter')
    .default('seatwise'),
});

export type BaseEnv = z.infer<typeof baseEnvSchema>;

export class ConfigError extends AppError {
  constructor(readonly badKeys: { key: string; message: string }[]) {
    super(
      ErrorCodes.CONFIG_INVALID,
      `Invalid configuration:\n${badKeys.map((k) => `  - ${k.key}: ${k.message}`).join('\n')}`,
      badKeys.map((k) => ({ path: k.key, message: k.message })),
    );
  }
}

// Parses the whole environment once; lists every bad key so an operator fixes them in one go.
export function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(describeIssues(result.error).map((i) => ({ key: i.path, message: i.message })));
}

// An entry point's env: every bad key is printed as `<who>: …` on stderr and the result is null, so the
// caller exits with its usage code instead of a stack trace.
export function parseEnvOrReport<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv,
  who: string,
): z.output<S> | null {
  try {
    return parseEnv(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${who}: ${error.message}\n`);
    return null;
  }
}
