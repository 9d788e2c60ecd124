import { z } from 'zod';
import { formatIssues } from '@seatwise/sim-http/zod-issues';
import { OptionsError } from './sim-input';

// Duo staff's default Admin API limits (duo_client_python#101, 2019), per account and endpoint class, per minute.
export const DUO_RATE_LIMITS = { logs: 2, page: 200, single: 300, listAll: 40 } as const;
export type RateClass = keyof typeof DUO_RATE_LIMITS;

const rate = z.number().int().positive();
export const rateLimitsSchema = z.object({ logs: rate, page: rate, single: rate, listAll: rate }).partial().strict();

const fraction = z.number().min(0).max(1);
export const faultsSchema = z
  .object({
    // Injected 429s, independent of the rate limiter: a share of requests Duo answers "Too Many Requests".
    error429: fraction,
    error500: fraction,
    error503: fraction,
    slow: fraction,
    slowMs: z.number().int().min(0).max(600_000),
    drop: fraction,
    truncate: fraction,
    malformed: fraction,
  })
  .partial()
  .strict()
  .refine((f) => sumFractions(f) <= 1, { message: 'fault fractions must sum to at most 1' });

function sumFractions(f: Partial<Record<string, number>>): number {
  return (
    (f['error429'] ?? 0) +
    (f['error500'] ?? 0) +
    (f['error503'] ?? 0) +
    (f['slow'] ?? 0) +
    (f['drop'] ?? 0) +
    (f['truncate'] ?? 0) +
    (f['malformed'] ?? 0)
  );
}

const permission = z.enum(['read_information', 'read_log', 'read_resource']);
const extraIntegrationSchema = z
  .object({
    type: z.enum(['admin', 'auth']),
    account: z.number().int().min(0),
    permissions: z.array(permission).default(['read_information', 'read_log', 'read_resource']),
  })
  .strict();

export const optionsSchema = z
  .object({
    port: z.number().int().min(0).max(65535).default(0),
    host: z.string().min(1).default('127.0.0.1'),
    seed: z.union([z.string(), z.number()]).transform(String).default('seatwise'),
    accounts: z.number().int().min(1).max(5000).default(3),
    usersPerAccount: z.number().int().min(1).max(100_000).default(50),
    apps: z.number().int().min(1).max(200).default(10),
    events: z.number().int().min(0).max(20_000_000).default(5000),
    historyDays: z.number().min(0.01).max(180).default(30),
    live: z.boolean().default(false),
    speed: z.number().positive().max(1_000_000).default(1),
    rateLimits: z.union([z.literal(false), rateLimitsSchema]).default({}),
    faults: faultsSchema.default({}),
    https: z.boolean().default(false),
    /** Epoch ms the generated history is anchored to (its end is anchor − lag). Pin it for cross-run determinism. */
    anchorTime: z.number().int().positive().optional(),
    /** api_hostname reported for child accounts; default is the simulator's own host:port. */
    apiHostname: z.string().min(1).optional(),
    availabilityLagMs: z.number().int().min(0).default(120_000),
    /** Whether a v2 log page that reaches the end of the window still carries next_offset. What real Duo sends there
     * is not documented: true (the default) gives the cursor on every non-empty page, false gives null on the last. */
    cursorOnLastLogPage: z.boolean().default(true),
    maxClockSkewMs: z.number().int().min(0).default(300_000),
    extraIntegrations: z.array(extraIntegrationSchema).default([]),
    /** The stack's demo MSP on top of the seeded world (data/demo-msp.ts): paid editions, one child whose billing
     * edition Duo does not expose, one extra Admin API integration without "Grant read resource". */
    demo: z.boolean().default(false),
  })
  .strict();

export type DuoSimOptions = z.input<typeof optionsSchema>;
export type ResolvedOptions = z.output<typeof optionsSchema>;
export type RateLimits = z.output<typeof rateLimitsSchema>;
export type Faults = z.output<typeof faultsSchema>;
export type Permission = z.output<typeof permission>;
export type ExtraIntegration = z.output<typeof extraIntegrationSchema>;

export function resolveOptions(input: unknown): ResolvedOptions {
  const parsed = optionsSchema.safeParse(input ?? {});
  if (!parsed.success) throw new OptionsError(`invalid duo-simulator options: ${formatIssues(parsed.error)}`);
  const options = parsed.data;
  for (const extra of options.extraIntegrations) {
    if (extra.account >= options.accounts) {
      throw new OptionsError(`invalid duo-simulator options: extraIntegrations.account: ${extra.account} >= accounts`);
    }
  }
  return options;
}
