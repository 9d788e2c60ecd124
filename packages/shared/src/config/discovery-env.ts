import { z } from 'zod';
import { baseEnvSchema } from './env';

export const envSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  MONGO_DB: baseEnvSchema.shape.MONGO_DB.default('seatwise_discovery'),
  // Auth-log events aggregated per batch (one bulk write per collection per batch): memory is
  // bounded by this whatever the backlog.
  DISCOVERY_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(2_000),
  // How long a fetch waits to fill a batch before processing what it has.
  DISCOVERY_BATCH_MAX_WAIT_MS: z.coerce.number().int().min(1_000).max(60_000).default(1_000),
  DISCOVERY_USERS_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1_000),
  // Whether the consumers run (off: a query-only replica).
  DISCOVERY_CONSUME: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type Env = z.infer<typeof envSchema>;
