import { z } from 'zod';
import { baseEnvSchema } from './env';
import { encryptionEnvShape } from './encryption-env';
import { sealingPrivateKey } from './sealing-env';
import { outboundEnvShape } from './outbound-env';

const MINUTE = 60_000;

const bootstrapIntegrations = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON array of {name, kind, apiHostname, integrationKey, secretKey}',
      });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(
      z.object({
        name: z.string(),
        kind: z.enum(['admin', 'accounts']),
        apiHostname: z.string(),
        integrationKey: z.string(),
        secretKey: z.string(),
      }),
    ),
  );

export const envSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  MONGO_DB: baseEnvSchema.shape.MONGO_DB.default('seatwise_connector'),
  ...encryptionEnvShape,
  // Opens the secrets the gateway seals to this service on the bus (its public key is in GATEWAY_SEALING_PUBLIC_KEYS).
  CONNECTOR_SEALING_KEY: sealingPrivateKey.optional(),
  // Where outbound calls may go beyond the public hosts the policy knows (simulators, on-premise PSAs).
  ...outboundEnvShape,
  DUO_BOOTSTRAP_INTEGRATIONS: bootstrapIntegrations.optional(),
  // How far back the first sync of an account reads auth logs (Duo keeps 180 days).
  CONNECTOR_BACKFILL_DAYS: z.coerce.number().min(0).max(180).default(180),
  CONNECTOR_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  CONNECTOR_LOG_POLL_INTERVAL_MS: z.coerce.number().int().min(1_000).default(MINUTE),
  CONNECTOR_USERS_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(10_000)
    .default(60 * MINUTE),
  CONNECTOR_ACCOUNTS_REFRESH_MS: z.coerce
    .number()
    .int()
    .min(10_000)
    .default(10 * MINUTE),
  // How long a replica's hold on an account (or an integration's account listing) lasts unrenewed; renewed three
  // times per period, so a dead replica's accounts are taken over within two periods (#18).
  CONNECTOR_LEASE_MS: z.coerce.number().int().min(1_000).default(15_000),
  // Requests per minute per account and endpoint class. Duo documents no hard numbers for the Admin
  // API; Elastic's production poller settled on 0.5 req/s for logs, and Duo staff quoted 200/min for
  // pages of objects. A 429 still backs off; these only keep us from provoking one.
  CONNECTOR_LOGS_PER_MINUTE: z.coerce.number().min(0.1).default(30),
  CONNECTOR_OBJECTS_PER_MINUTE: z.coerce.number().min(0.1).default(120),
  CONNECTOR_DUO_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  CONNECTOR_DUO_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  CONNECTOR_DUO_RETRY_BASE_MS: z.coerce.number().int().min(1).default(250),
  // Duo sends no Retry-After on 429, so its back-off starts higher than for other transient errors.
  CONNECTOR_DUO_RATE_LIMIT_RETRY_BASE_MS: z.coerce.number().int().min(1).default(2_000),
});

export type Env = z.infer<typeof envSchema>;
