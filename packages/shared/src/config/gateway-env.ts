import { z } from 'zod';
import { baseEnvSchema } from './env';
import { sealingPublicKeys } from './sealing-env';

const positiveInt = (min: number) => z.coerce.number().int().min(min);

// Comma-separated origins ("https://a.example,https://b.example"); empty allows none, "*" any.
const corsOrigins = z
  .string()
  .default('')
  .transform((raw) =>
    raw
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o.length > 0),
  )
  .pipe(z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)])));

export const envSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGO_DB: baseEnvSchema.shape.MONGO_DB.default('seatwise_gateway'),
  // The bootstrap admin key (compared by hash, never stored). Without it only keys created through
  // /api/v1/api-keys work, so a fresh deployment needs it once.
  SEATWISE_ADMIN_API_KEY: z.string().min(24, 'must be at least 24 characters').max(256).optional(),
  GATEWAY_CORS_ORIGINS: corsOrigins,
  GATEWAY_SEALING_PUBLIC_KEYS: sealingPublicKeys
    .optional()
    .describe(
      "duo-connector:<base64>,reconcile:<base64>,alerts:<base64>: the public key each service that stores secrets opens them with. A Duo secret key, PSA key or webhook secret is sealed to its service before it crosses the bus; without that service's key here the request is refused (SECRETS.SEALING_KEY_MISSING), never sent in clear.",
    ),
  GATEWAY_BODY_LIMIT_BYTES: positiveInt(1_024).default(256 * 1_024),
  // POST /api/v1/psa/import carries a whole PSA export (up to 100,000 agreement lines).
  GATEWAY_IMPORT_BODY_LIMIT_BYTES: positiveInt(1_024).default(32 * 1_024 * 1_024),
  // Token bucket per API key: sustained rate and burst size.
  GATEWAY_RATE_LIMIT_PER_MINUTE: positiveInt(1).default(600),
  GATEWAY_RATE_LIMIT_BURST: positiveInt(1).default(120),
  GATEWAY_UNAUTHENTICATED_PER_MINUTE: positiveInt(1)
    .default(60)
    .describe(
      'Requests per minute one client address may make that fail authentication (no key, an unknown or revoked one, an ended session); past it they are refused with 429 before any key lookup.',
    ),
  GATEWAY_UNAUTHENTICATED_BURST: positiveInt(1)
    .default(30)
    .describe(
      'Failed authentications one client address may make in a burst before GATEWAY_UNAUTHENTICATED_PER_MINUTE applies.',
    ),
  // Creating or updating an integration probes Duo (with retries), hence the connector's longer deadline.
  GATEWAY_CONNECTOR_TIMEOUT_MS: positiveInt(100).default(45_000),
  GATEWAY_DISCOVERY_TIMEOUT_MS: positiveInt(100).default(10_000),
  GATEWAY_RECONCILE_TIMEOUT_MS: positiveInt(100).default(30_000),
  GATEWAY_ALERTS_TIMEOUT_MS: positiveInt(100)
    .default(30_000)
    .describe('How long the gateway waits for alerts (a channel test waits for the webhook, SMTP server or PSA).'),
  GATEWAY_SSE_HEARTBEAT_MS: positiveInt(100).default(15_000),
  GATEWAY_SSE_MAX_PER_KEY: positiveInt(1)
    .default(10)
    .describe(
      'Event streams (/api/v1/events) one API key may hold open at once (its console sessions included); one more is refused with 429.',
    ),
  // A CSV export follows the list's pages up to this many rows (then says it was truncated).
  GATEWAY_CSV_MAX_ROWS: positiveInt(1).default(100_000),
  GATEWAY_SESSION_TTL_MS: positiveInt(60_000)
    .default(12 * 60 * 60 * 1_000)
    .describe('How long a web console sign-in lasts (its cookie and its stored session).'),
  // Behind a TLS-terminating proxy, req.secure (the session cookie's Secure flag) and the client
  // address (the per-address rate limit of sign-ins) come from its X-Forwarded-* headers.
  GATEWAY_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe(
      'Trust X-Forwarded-Proto/-For from the proxy in front (true only behind one): marks session cookies Secure behind a TLS proxy, rate-limits sign-ins per real client address.',
    ),
  GATEWAY_CONSOLE_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('Folder of the built web console served at / (default: apps/console/dist of this installation).'),
});

export type Env = z.infer<typeof envSchema>;
