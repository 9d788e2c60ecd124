import { z } from 'zod';
import {
  ALERT_DELIVERY_MODES,
  ALERT_RULE_KINDS,
  ALERT_STATES,
  alertRuleConditionSchema,
  alertRuleViewSchema,
  alertsId,
  alertViewSchema,
  DELIVERY_STATES,
  deliveryViewSchema,
} from './alerts-views';
import { accountId } from './common';
import { pageOf } from './page';
import { defineRpc, healthRpc } from './rpc-definition';
import { secretsRotateRpc } from './secrets-rotation';

// Lists: `limit` (default 50, max 200) and the opaque `cursor` of the previous page's `nextCursor`.
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(512).optional(),
};
const actor = z.string().trim().min(1).max(200);
const idRequest = z.object({ id: alertsId }).strict();

// What an admin sets on a rule; the same fields, all optional, change one.
const ruleFields = {
  name: z.string().trim().min(1).max(200),
  condition: alertRuleConditionSchema,
  accountId: accountId.nullable(),
  channelIds: z.array(alertsId).min(1).max(20),
  enabled: z.boolean(),
  delivery: z.enum(ALERT_DELIVERY_MODES),
  throttleMinutes: z.number().int().min(1).max(10_080).nullable(),
};

export const alertRuleCreateSchema = z
  .object({
    ...ruleFields,
    accountId: ruleFields.accountId.default(null),
    enabled: ruleFields.enabled.default(true),
    delivery: ruleFields.delivery.default('immediate'),
    throttleMinutes: ruleFields.throttleMinutes.default(null),
  })
  .strict();
export const alertRuleUpdateSchema = z.object(ruleFields).partial().strict();

// Request-reply API of apps/alerts. Channels (alerts.channels.*) are declared with the channel contracts.
export const alertsRpcs = {
  'alerts.health': healthRpc('alerts'),
  'alerts.secrets.rotate': secretsRotateRpc('alerts'),
  'alerts.rules.list': defineRpc({
    request: z.object({ kind: z.enum(ALERT_RULE_KINDS).optional(), accountId: accountId.optional(), ...page }).strict(),
    response: pageOf(alertRuleViewSchema),
    description: 'Alert rules, by id; filter by kind or by the account they are scoped to.',
  }),
  'alerts.rules.get': defineRpc({
    request: idRequest,
    response: alertRuleViewSchema,
    description: 'One alert rule.',
  }),
  'alerts.rules.create': defineRpc({
    request: alertRuleCreateSchema.extend({ actor }),
    response: alertRuleViewSchema,
    description: 'Create an alert rule; every channel it names must exist (ALERTS.CHANNEL_UNKNOWN).',
  }),
  'alerts.rules.update': defineRpc({
    request: alertRuleUpdateSchema.extend({ id: alertsId, actor }),
    response: alertRuleViewSchema,
    description: 'Change an alert rule; a changed condition or scope re-evaluates open alerts on the next event.',
  }),
  'alerts.rules.delete': defineRpc({
    request: idRequest.extend({ actor }),
    response: z.object({ deleted: z.literal(true) }),
    description: 'Delete an alert rule; its open alerts resolve without notifications.',
  }),
  'alerts.alerts.list': defineRpc({
    request: z
      .object({
        state: z.enum(ALERT_STATES).optional(),
        ruleId: alertsId.optional(),
        accountId: accountId.optional(),
        ...page,
      })
      .strict(),
    response: pageOf(alertViewSchema),
    description: 'Alerts, newest first; filter open or resolved, by rule or by account.',
  }),
  'alerts.alerts.get': defineRpc({
    request: idRequest,
    response: alertViewSchema,
    description: 'One alert.',
  }),
  'alerts.deliveries.list': defineRpc({
    request: z
      .object({
        state: z.enum(DELIVERY_STATES).optional(),
        channelId: alertsId.optional(),
        alertId: alertsId.optional(),
        ...page,
      })
      .strict(),
    response: pageOf(deliveryViewSchema),
    description: 'The delivery log: every notification to every channel with its attempts, newest first.',
  }),
} as const;
