import { z } from 'zod';
import { baseEnvSchema } from './env';
import { encryptionEnvShape } from './encryption-env';
import { sealingPrivateKey } from './sealing-env';
import { outboundEnvShape } from './outbound-env';

const MINUTE = 60_000;

export const envSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3003),
  MONGO_DB: baseEnvSchema.shape.MONGO_DB.default('seatwise_reconcile'),
  // PSA private keys are stored encrypted under these keys (as the connector stores Duo secret keys).
  ...encryptionEnvShape,
  // Opens the secrets the gateway seals to this service on the bus (its public key is in GATEWAY_SEALING_PUBLIC_KEYS).
  RECONCILE_SEALING_KEY: sealingPrivateKey.optional(),
  // Where outbound calls may go beyond the public hosts the policy knows (simulators, on-premise PSAs).
  ...outboundEnvShape,
  // Quick sync (changes since the last run) of every ConnectWise connection; full sync (everything) less often.
  RECONCILE_QUICK_SYNC_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(10_000)
    .default(15 * MINUTE),
  RECONCILE_FULL_SYNC_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(24 * 60 * MINUTE),
  RECONCILE_PSA_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  RECONCILE_PSA_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  RECONCILE_PSA_RETRY_BASE_MS: z.coerce.number().int().min(1).default(500),
  // Longest Retry-After we honour before giving up on a push or sync step (the run fails and is retried later).
  RECONCILE_PSA_MAX_RETRY_AFTER_MS: z.coerce.number().int().min(1_000).default(120_000),
  // How long a push holds its row; its PSA requests stop before it ends (a tenth of it, at most 10 s, earlier).
  RECONCILE_PUSH_LEASE_MS: z.coerce
    .number()
    .int()
    .min(5_000)
    .default(5 * MINUTE),
  RECONCILE_PSA_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(1000),
  // How many ranked account → company suggestions each unmapped account shows.
  RECONCILE_SUGGESTIONS: z.coerce.number().int().min(1).max(20).default(3),
});

export type Env = z.infer<typeof envSchema>;
