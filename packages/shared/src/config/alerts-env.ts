import { z } from 'zod';
import { baseEnvSchema } from './env';
import { encryptionEnvShape } from './encryption-env';
import { sealingPrivateKey } from './sealing-env';
import { outboundEnvShape } from './outbound-env';

const SECOND = 1_000;
const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((v) => v === 'true');
const ms = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

export const envSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3004),
  MONGO_DB: baseEnvSchema.shape.MONGO_DB.default('seatwise_alerts'),
  // Channel secrets (webhook secrets) are stored encrypted under these keys.
  ...encryptionEnvShape,
  // Opens the secrets the gateway seals to this service on the bus (its public key is in GATEWAY_SEALING_PUBLIC_KEYS).
  ALERTS_SEALING_KEY: sealingPrivateKey.optional(),
  // Webhook URLs are reached through the outbound policy (its allow-list is the deployment's). The SMTP server is
  // the operator's own setting (ALERTS_SMTP_*), not a user's input, so it is not checked against the policy.
  ...outboundEnvShape,
  ALERTS_WEBHOOK_TIMEOUT_MS: ms(100, 10 * SECOND).describe('Timeout of one webhook delivery attempt.'),
  ALERTS_TICKET_TIMEOUT_MS: ms(100, 30 * SECOND).describe(
    'How long filing a ConnectWise ticket (through reconcile, RPC reconcile.tickets.create) may take.',
  ),
  ALERTS_SMTP_HOST: z
    .string()
    .trim()
    .min(1)
    .default('127.0.0.1')
    .describe('SMTP server email channels send through (Mailpit in the stack and the tests).'),
  ALERTS_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025).describe('Port of the SMTP server.'),
  ALERTS_SMTP_SECURE: flag('false').describe(
    'true: TLS from the first byte (port 465); false: plain, upgraded by STARTTLS when the server offers it.',
  ),
  ALERTS_SMTP_REQUIRE_TLS: flag('false').describe('Refuse to send unless the SMTP server upgrades with STARTTLS.'),
  ALERTS_SMTP_USER: z.string().min(1).optional().describe('SMTP user (with ALERTS_SMTP_PASSWORD, or neither).'),
  ALERTS_SMTP_PASSWORD: z.string().min(1).optional().describe('SMTP password (with ALERTS_SMTP_USER, or neither).'),
  ALERTS_SMTP_FROM: z
    .string()
    .trim()
    .min(3)
    .default('Seatwise alerts <alerts@seatwise.local>')
    .describe('Sender address of alert emails.'),
  ALERTS_SMTP_TIMEOUT_MS: ms(100, 15 * SECOND).describe('Connection, greeting and socket timeout of SMTP.'),
  ALERTS_EVALUATE_INTERVAL_MS: ms(100, 30 * SECOND).describe(
    'How often time-based rules (sync in error for X, no logs for Z, fraud reports ageing) are evaluated.',
  ),
  ALERTS_DISPATCH_INTERVAL_MS: ms(50, 5 * SECOND).describe(
    'How often the dispatcher looks for notifications due (new ones also go out as soon as they are written).',
  ),
  ALERTS_DELIVERY_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(6)
    .describe('Delivery attempts of one notification before it fails.'),
  ALERTS_DELIVERY_RETRY_BASE_MS: ms(1, 30 * SECOND).describe(
    'Wait before the second attempt of a notification; it doubles for each further attempt.',
  ),
  ALERTS_CHANNEL_DISABLE_AFTER: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(3)
    .describe('Notifications in a row a channel may fail (after their retries) before it is disabled.'),
  ALERTS_DIGEST_AT_UTC: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (UTC)')
    .default('08:00')
    .describe('Time of day (UTC, HH:MM) the daily digest is sent.'),
  ALERTS_CONSUME: flag('true').describe(
    'Whether the consumers, timers and dispatcher run (false: a query-only replica).',
  ),
});

export type Env = z.infer<typeof envSchema>;
