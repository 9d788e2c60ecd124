import { alertRuleCreateSchema, alertRuleUpdateSchema } from '@seatwise/shared/contracts/alerts-rpcs';
import {
  ALERT_RULE_KINDS,
  ALERT_STATES,
  alertRuleViewSchema,
  alertsId,
  alertViewSchema,
  DELIVERY_STATES,
  deliveryViewSchema,
} from '@seatwise/shared/contracts/alerts-views';
import { accountId } from '@seatwise/shared/contracts/common';
import { z } from 'zod';
import { listQuery } from '../../routing/query-params';
import { AlertsClient } from '../../upstream/alerts.client';
import { Resource } from '../resource';

const rulesPath = '/api/v1/alerts/rules';
const alertsPath = '/api/v1/alerts';
const idParams = z.object({ id: alertsId }).strict();
const alerts = new Resource('Alerts', AlertsClient);

// Rules (viewers read, admins change), the alerts they raised (open and resolved) and the delivery log.
export const AlertsController = alerts.controller('AlertsController', {
  rules: alerts.list(
    {
      path: rulesPath,
      summary: 'Alert rules',
      query: listQuery({ kind: z.enum(ALERT_RULE_KINDS).optional(), accountId: accountId.optional() }),
      list: alertRuleViewSchema,
    },
    (request, service) => service.call('alerts.rules.list', request),
  ),
  rule: alerts.get(
    { path: `${rulesPath}/:id`, summary: 'One alert rule', params: idParams, response: alertRuleViewSchema },
    ({ params }, service) => service.call('alerts.rules.get', params),
  ),
  createRule: alerts.command(
    {
      path: rulesPath,
      summary: 'Create an alert rule',
      description:
        'The condition names its kind and thresholds; every channel named must exist (ALERTS.CHANNEL_UNKNOWN). accountId scopes the rule to one Duo account.',
      body: alertRuleCreateSchema,
      response: alertRuleViewSchema,
    },
    (request, service) => service.call('alerts.rules.create', request),
  ),
  updateRule: alerts.command(
    {
      method: 'PATCH',
      path: `${rulesPath}/:id`,
      summary: 'Change an alert rule',
      params: idParams,
      body: alertRuleUpdateSchema.refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' }),
      response: alertRuleViewSchema,
    },
    (request, service) => service.call('alerts.rules.update', request),
  ),
  deleteRule: alerts.route(
    {
      method: 'DELETE',
      path: `${rulesPath}/:id`,
      summary: 'Delete an alert rule (its open alerts resolve without notifications)',
      params: idParams,
      response: z.object({ deleted: z.literal(true) }),
    },
    ({ params, actor }, service) => service.call('alerts.rules.delete', { ...params, actor }),
  ),
  alerts: alerts.list(
    {
      path: alertsPath,
      summary: 'Alerts, newest first (open and resolved)',
      query: listQuery({
        state: z.enum(ALERT_STATES).optional(),
        ruleId: alertsId.optional(),
        accountId: accountId.optional(),
      }),
      list: alertViewSchema,
    },
    (request, service) => service.call('alerts.alerts.list', request),
  ),
  deliveries: alerts.list(
    {
      path: `${alertsPath}/deliveries`,
      summary: 'The delivery log: every notification to every channel, with its attempts, newest first',
      query: listQuery({
        state: z.enum(DELIVERY_STATES).optional(),
        channelId: alertsId.optional(),
        alertId: alertsId.optional(),
      }),
      list: deliveryViewSchema,
    },
    (request, service) => service.call('alerts.deliveries.list', request),
  ),
  alert: alerts.get(
    { path: `${alertsPath}/:id`, summary: 'One alert', params: idParams, response: alertViewSchema },
    ({ params }, service) => service.call('alerts.alerts.get', params),
  ),
});
