import { z } from 'zod';
import { accountId, isoDateTime } from './common';

// Where alerts go. The channel input/view schemas live here too.
export const ALERT_CHANNEL_KINDS = ['webhook', 'email', 'ticket'] as const;
export type AlertChannelKind = (typeof ALERT_CHANNEL_KINDS)[number];

// Channel ids are ours (`ach_…`), subject-safe tokens.
export const alertChannelId = z.string().regex(/^[A-Za-z0-9_-]{1,160}$/, 'must be an id of letters, digits, _ or -');

const channelName = z.string().trim().min(1).max(120);

// An absolute http(s) URL without credentials or fragment. Whether its host may be called at all is the outbound
// policy's decision, made by the alerts service (it knows the deployment's allow-list).
export const webhookUrl = z
  .string()
  .trim()
  .max(2_048)
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: 'must be an http(s) URL' }))
  .refine((v) => !/^https?:\/\/[^/?#]*@/i.test(v), { message: 'must not carry a user or password' })
  .refine((v) => !v.includes('#'), { message: 'must not carry a fragment' });

// The key the receiver verifies signatures with (HMAC-SHA256); write-only.
export const webhookSecret = z.string().min(16, 'must be at least 16 characters').max(256);

// Recipients of an email channel (the SMTP server and sender are the deployment's, ALERTS_SMTP_*).
const recipients = z
  .array(z.email({ error: 'must be an email address' }).max(254))
  .min(1)
  .max(20);

// A ConnectWise service board id: tickets are opened there, for the company the alert's account is mapped to.
const boardId = z.number().int().positive().max(2_147_483_647);

export const ALERT_CHANNEL_FIELDS = {
  webhook: { url: webhookUrl, secret: webhookSecret },
  email: { to: recipients },
  ticket: { boardId },
} as const;

// Who made a change (the gateway adds it from the API key).
const actor = z.string().trim().min(1).max(200);

const channelOf = <K extends AlertChannelKind>(kind: K) =>
  z
    .object({
      name: channelName,
      kind: z.literal(kind),
      enabled: z.boolean().default(true),
      ...ALERT_CHANNEL_FIELDS[kind],
    })
    .strict();

// What a client sends to create a channel.
export const alertChannelBodySchema = z.discriminatedUnion('kind', [
  channelOf('webhook'),
  channelOf('email'),
  channelOf('ticket'),
]);
export type AlertChannelBody = z.infer<typeof alertChannelBodySchema>;

// What the alerts service receives: the body and the actor.
export const alertChannelInputSchema = z.discriminatedUnion('kind', [
  channelOf('webhook').extend({ actor }),
  channelOf('email').extend({ actor }),
  channelOf('ticket').extend({ actor }),
]);
export type AlertChannelInput = z.infer<typeof alertChannelInputSchema>;

// A change: the name, enabled, or any field of the channel's own kind (the service refuses another kind's fields).
// Enabling a channel the dispatcher disabled clears its disabledReason.
export const alertChannelChangeSchema = z
  .object({
    name: channelName,
    enabled: z.boolean(),
    ...ALERT_CHANNEL_FIELDS.webhook,
    ...ALERT_CHANNEL_FIELDS.email,
    ...ALERT_CHANNEL_FIELDS.ticket,
  })
  .partial()
  .strict();
export type AlertChannelChange = z.infer<typeof alertChannelChangeSchema>;

// A channel as the API answers it: its kind's settings (the others' are null), never the webhook secret (only that
// one is set). Flat, so lists page and export to CSV like every other list.
export const alertChannelViewSchema = z.object({
  id: alertChannelId,
  name: z.string(),
  kind: z.enum(ALERT_CHANNEL_KINDS),
  enabled: z.boolean(),
  url: z.string().nullable(),
  secretSet: z.boolean().nullable(),
  to: z.array(z.string()).nullable(),
  boardId: z.number().int().nullable(),
  // Why the channel stopped receiving alerts (repeated failed deliveries), until someone enables it again.
  disabledReason: z.string().nullable(),
  disabledAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type AlertChannelView = z.infer<typeof alertChannelViewSchema>;

// A test send: a ticket channel files a real ticket only when given the Duo account whose company it goes to.
export const alertChannelTestSchema = z.object({ accountId: accountId.optional() }).strict();

// How one delivery attempt ended: ok, or failed with a code and whether retrying can help.
export const deliveryOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), detail: z.string() }),
  z.object({ ok: z.literal(false), retryable: z.boolean(), code: z.string(), detail: z.string() }),
]);

// The codes a failed delivery reports (DeliveryOutcome.code), per channel kind and common to all.
export const DELIVERY_CODES = {
  // The channel's stored configuration cannot be used (its kind has no sender, its secret does not decrypt).
  CHANNEL_UNUSABLE: 'CHANNEL.UNUSABLE',
  // The URL's host is outside the outbound policy.
  WEBHOOK_REFUSED: 'WEBHOOK.REFUSED',
  // The receiver answered a non-2xx status (the detail names it).
  WEBHOOK_STATUS: 'WEBHOOK.STATUS',
  WEBHOOK_TIMEOUT: 'WEBHOOK.TIMEOUT',
  WEBHOOK_NETWORK: 'WEBHOOK.NETWORK',
  // The SMTP server refused (5xx: permanent) or deferred (4xx) the message.
  EMAIL_REJECTED: 'EMAIL.REJECTED',
  EMAIL_DEFERRED: 'EMAIL.DEFERRED',
  EMAIL_AUTH: 'EMAIL.AUTH',
  EMAIL_NETWORK: 'EMAIL.NETWORK',
  // Reconcile refused the ticket (account not mapped, board unknown) or could not reach the PSA.
  TICKET_REFUSED: 'TICKET.REFUSED',
  TICKET_UNAVAILABLE: 'TICKET.UNAVAILABLE',
} as const;
export type DeliveryCode = (typeof DELIVERY_CODES)[keyof typeof DELIVERY_CODES];
