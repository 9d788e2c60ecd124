import { z } from 'zod';
import { accountId, isoDateTime } from './common';

// Ids of the alerts service's records (rules, alerts, deliveries): subject-safe tokens.
export const alertsId = z.string().regex(/^[A-Za-z0-9_:.-]{1,200}$/, 'must be an id of letters, digits, _ : . or -');

// What a rule watches. Each kind reads one kind of event (see docs/events.md) and has its own thresholds.
export const ALERT_RULE_KINDS = [
  // An account's Duo sync has been in `error` for longer than `minutes` (integration.sync-status).
  'sync_error',
  // Duo refused the integration's credentials (CONNECTOR.DUO_UNAUTHORIZED / DUO_FORBIDDEN on the account's sync
  // status), or a PSA refused a connection's (a sync run failed with RECONCILE.PSA_CREDENTIALS_INVALID).
  'credentials_rejected',
  // An account's Duo sync is behind by more than `minutes` (behindMs on integration.sync-status).
  'account_behind',
  // No authentication log from an account for `minutes` (duo.authlog), evaluated on a timer.
  'logs_silent',
  // A pending reconciliation row whose seat delta (or monthly money impact) is at least the threshold.
  'discrepancy',
  // An account's reclaimable seats exceed `seats` (discovery.account.usage).
  'reclaimable_seats',
  // A service was discovered that matches no catalog product; resolves when it is matched.
  'unmatched_service',
  // An authentication was reported as fraud in an account; resolves after `minutes` without another report.
  'fraud_report',
] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

// Thresholds in minutes accept fractions (a spec can wait seconds); never negative, never zero where zero would
// mean "always".
const minutes = z.number().positive().max(525_600);
const seats = z.number().int().nonnegative().max(1_000_000);

export const alertRuleConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sync_error'), minutes: z.number().nonnegative().max(525_600) }).strict(),
  z.object({ kind: z.literal('credentials_rejected') }).strict(),
  z.object({ kind: z.literal('account_behind'), minutes }).strict(),
  z.object({ kind: z.literal('logs_silent'), minutes }).strict(),
  z
    .object({
      kind: z.literal('discrepancy'),
      // |delta| at least this many seats…
      seats: seats.min(1),
      // …or, when set, |monthlyImpact| at least this much money (either threshold fires the rule).
      monthlyImpact: z.number().positive().max(1e12).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('reclaimable_seats'), seats }).strict(),
  z.object({ kind: z.literal('unmatched_service') }).strict(),
  z.object({ kind: z.literal('fraud_report'), minutes: minutes.default(24 * 60) }).strict(),
]);
export type AlertRuleCondition = z.infer<typeof alertRuleConditionSchema>;

// How a rule's notifications leave: at once (throttled to one per channel per `throttleMinutes` when set; the
// surplus goes into the next digest), or only in the daily digest.
export const ALERT_DELIVERY_MODES = ['immediate', 'digest'] as const;
export type AlertDeliveryMode = (typeof ALERT_DELIVERY_MODES)[number];

export const alertRuleViewSchema = z.object({
  id: alertsId,
  name: z.string(),
  condition: alertRuleConditionSchema,
  // null: every account.
  accountId: accountId.nullable(),
  channelIds: z.array(alertsId),
  enabled: z.boolean(),
  delivery: z.enum(ALERT_DELIVERY_MODES),
  throttleMinutes: z.number().int().nonnegative().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type AlertRuleView = z.infer<typeof alertRuleViewSchema>;

export const ALERT_STATES = ['open', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
const fact = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const alertViewSchema = z.object({
  id: alertsId,
  ruleId: alertsId,
  ruleName: z.string(),
  ruleKind: z.enum(ALERT_RULE_KINDS),
  // What the alert is about within its rule (an account, a PSA connection, a reconciliation row, a service).
  conditionKey: z.string(),
  accountId: accountId.nullable(),
  state: z.enum(ALERT_STATES),
  title: z.string(),
  detail: z.string(),
  facts: z.record(z.string(), fact),
  openedAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
});
export type AlertView = z.infer<typeof alertViewSchema>;

export const DELIVERY_STATES = ['pending', 'delivered', 'failed', 'digested'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export const NOTIFICATION_KINDS = ['opened', 'resolved', 'digest'] as const;

// One notification to one channel, as the delivery log shows it.
export const deliveryViewSchema = z.object({
  id: alertsId,
  channelId: alertsId,
  kind: z.enum(NOTIFICATION_KINDS),
  alertIds: z.array(alertsId),
  ruleId: alertsId.nullable(),
  mode: z.enum(ALERT_DELIVERY_MODES),
  // pending: waiting for its attempt (or the digest); delivered; failed: gave up (retries exhausted, a
  // permanent refusal, or the channel is disabled); digested: sent inside the digest `digestId`.
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int().nonnegative(),
  lastError: z.object({ code: z.string(), detail: z.string(), at: isoDateTime }).nullable(),
  nextAttemptAt: isoDateTime.nullable(),
  deliveredAt: isoDateTime.nullable(),
  digestId: alertsId.nullable(),
  createdAt: isoDateTime,
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;
