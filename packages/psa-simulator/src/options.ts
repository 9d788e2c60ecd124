import { OptionsError } from '@seatwise/duo-simulator/sim-input';
import { formatIssues } from '@seatwise/sim-http/zod-issues';
import { z } from 'zod';
import { PSA_SIM_MODES } from './modes/mode-names';

// The one published number is a third party's 60/min (fact sheet 3.1, unconfirmed); it is the default budget.
export const CW_DEFAULT_PER_MINUTE = 60;

export const rateLimitsSchema = z.object({ perMinute: z.number().int().positive() }).strict();

const fraction = z.number().min(0).max(1);
export const faultsSchema = z
  .object({
    error500: fraction,
    error503: fraction,
    slow: fraction,
    slowMs: z.number().int().min(0).max(600_000),
    drop: fraction,
    malformed: fraction,
  })
  .partial()
  .strict()
  .refine((f) => (f.error500 ?? 0) + (f.error503 ?? 0) + (f.slow ?? 0) + (f.drop ?? 0) + (f.malformed ?? 0) <= 1, {
    message: 'fault fractions must sum to at most 1',
  });

const duoPairingSchema = z
  .object({
    seed: z.union([z.string(), z.number()]).transform(String),
    accounts: z.number().int().min(1).max(5000),
    // Must equal the Duo simulator's usersPerAccount for billable-seat quantities to line up (its default is 50).
    usersPerAccount: z.number().int().min(1).max(100_000).default(50),
    exactShare: fraction.default(0.4),
    nearShare: fraction.default(0.3),
    // Share of paired companies whose Duo addition quantity differs from the Duo billable seats.
    quantityMismatchShare: fraction.default(0.3),
    // The stack's demo MSP (the Duo simulator's `demo` too): companies arranged by data/demo-companies.ts instead of
    // by the shares above.
    demo: z.boolean().default(false),
  })
  .strict()
  .refine((p) => p.exactShare + p.nearShare <= 1, { message: 'exactShare + nearShare must be at most 1' });

const credential = z
  .string()
  .min(1)
  .regex(/^[^:+\s]+$/, 'no spaces, ":" or "+"');

export const optionsSchema = z
  .object({
    // Which PSA's API to speak (the world is the same for every mode).
    mode: z.enum(PSA_SIM_MODES).default('connectwise'),
    // The PSA's billing currency (ISO 4217).
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD')
      .default('USD'),
    // Autotask mode: the request budget per hour per database and the concurrent requests per endpoint (fact sheet 3.2).
    autotask: z
      .object({
        hourlyLimit: z.number().int().positive().default(10_000),
        threadsPerEndpoint: z.number().int().positive().default(3),
      })
      .strict()
      .default({ hourlyLimit: 10_000, threadsPerEndpoint: 3 }),
    // HaloPSA mode: how long an access token lives (fact sheet 3.3: expires_in 3600).
    halopsa: z
      .object({ tokenTtlSeconds: z.number().int().positive().default(3600) })
      .strict()
      .default({ tokenTtlSeconds: 3600 }),
    port: z.number().int().min(0).max(65535).default(0),
    host: z.string().min(1).default('127.0.0.1'),
    seed: z.union([z.string(), z.number()]).transform(String).default('seatwise'),
    // Total PSA companies; with duoPairing the default is paired companies + ~30% unmatched extras.
    companies: z.number().int().min(0).max(20_000).optional(),
    duoPairing: duoPairingSchema.optional(),
    // Extra unrelated catalog products beyond the Duo SKUs and the built-in unrelated ones.
    products: z.number().int().min(0).max(5000).default(0),
    rateLimits: z.union([z.literal(false), rateLimitsSchema]).default({ perMinute: CW_DEFAULT_PER_MINUTE }),
    faults: faultsSchema.default({}),
    // Epoch ms that generated timestamps are anchored to; pin it for byte-identical responses across runs.
    anchorTime: z.number().int().positive().optional(),
    companyId: credential.optional(),
    publicKey: credential.optional(),
    privateKey: credential.optional(),
    clientId: z.string().min(1).optional(),
  })
  .strict();

export type PsaSimOptions = z.input<typeof optionsSchema>;
export type ResolvedOptions = z.output<typeof optionsSchema>;
export type DuoPairing = z.output<typeof duoPairingSchema>;
export type RateLimits = z.output<typeof rateLimitsSchema>;
export type Faults = z.output<typeof faultsSchema>;

export function resolveOptions(input: unknown): ResolvedOptions {
  const parsed = optionsSchema.safeParse(input ?? {});
  if (!parsed.success) throw new OptionsError(`invalid psa-simulator options: ${formatIssues(parsed.error)}`);
  return parsed.data;
}
