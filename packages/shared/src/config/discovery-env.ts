import { z } from 'zod';
import { baseEnvSchema } from './env';

export const envSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  MONGO_DB: baseEnvSchema.shape.MONGO_DB.default('seatwise_discovery'),
  // Auth-log events aggregated per batch (one bulk write per collection per batch; the next batch is
  // fetched while one is written): memory is bounded by twice this whatever the backlog. 5,000: at 10,000 the
  // MSP bench (200 accounts, 100,000 events) ran out of the 128 MB heap discovery is given in production.
  DISCOVERY_BATCH_SIZE: z.coerce.number().int().min(1).max(20_000).default(5_000),
  // How long a fetch waits to fill a batch before processing what it has.
  DISCOVERY_BATCH_MAX_WAIT_MS: z.coerce.number().int().min(1_000).max(60_000).default(1_000),
  DISCOVERY_USERS_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1_000),
  // How a batch's inventory documents are written. replace: one bulk replace-by-_id per collection,
  // each document atomically (MongoDB, FerretDB 2). rewrite: a redo log, then delete + insert per
  // collection (FerretDB 1.x, which scans its collection for every replace or update statement).
  // auto: rewrite on FerretDB 1.x, else replace.
  DISCOVERY_INVENTORY_WRITES: z.enum(['auto', 'replace', 'rewrite']).default('auto'),
  // A service or user is flagged for an unusual denial rate when at least this share (percent) of its
  // authentication attempts were denied (denied or fraud), counted once it has at least
  // DISCOVERY_DENIAL_MIN_ATTEMPTS attempts (over the inventory's whole history). Any fraud report flags too.
  DISCOVERY_DENIAL_RATE_PERCENT: z.coerce.number().min(1).max(100).default(20),
  DISCOVERY_DENIAL_MIN_ATTEMPTS: z.coerce.number().int().min(1).max(1_000_000).default(10),
  // What the embedded database (FerretDB 1.x) serves in time (README "What the embedded database serves"): beyond
  // this many services of all accounts together (the overview), or users in one account (its screens), a console
  // screen is expected past about a second (linear from the MSP bench's 6,640 services: overview 222 ms; and 2,237
  // users: its screens ≤ 135 ms), and discovery warns that the data has outgrown it. Checked at start and every
  // DISCOVERY_CAPACITY_CHECK_MS; on MongoDB never.
  DISCOVERY_EMBEDDED_MAX_SERVICES: z.coerce.number().int().min(1).default(20_000),
  DISCOVERY_EMBEDDED_MAX_ACCOUNT_USERS: z.coerce.number().int().min(1).default(10_000),
  DISCOVERY_CAPACITY_CHECK_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(600_000),
  // Whether the consumers run (off: a query-only replica).
  DISCOVERY_CONSUME: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type Env = z.infer<typeof envSchema>;
