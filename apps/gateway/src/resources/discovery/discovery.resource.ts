import { accountId } from '@seatwise/shared/contracts/common';
import {
  ACTIVITY_DEFAULT_DAYS,
  ACTIVITY_MAX_DAYS,
  activityDays,
  activityResponseSchema,
} from '@seatwise/shared/contracts/discovery-activity';
import {
  accountSummarySchema,
  actionViewSchema,
  GROUP_SORTS,
  groupDetailSchema,
  groupId,
  groupViewSchema,
  RECLAIM_REASONS,
  reclaimableUserSchema,
  seatSettingsRequestSchema,
  seatSettingsSchema,
  seatsResponseSchema,
  serviceId,
} from '@seatwise/shared/contracts/discovery-views';
import { z } from 'zod';
import { withoutAbsent } from '../../lists/upstream-pager';
import { booleanParam, listQuery, searchParam } from '../../routing/query-params';
import { DiscoveryClient } from '../../upstream/discovery.client';
import { Resource } from '../resource';

const discovery = new Resource('Discovery', DiscoveryClient);
const accountParams = z.object({ accountId }).strict();

// Query parameters arrive as text: a whole number of days, checked against the RPC's own bounds.
const daysParam = z
  .string()
  .regex(/^\d{1,3}$/, 'must be a whole number')
  .optional()
  .transform((v) => (v === undefined ? ACTIVITY_DEFAULT_DAYS : Number(v)))
  .pipe(activityDays)
  .describe(`Days in the window, today (UTC) included: 1-${ACTIVITY_MAX_DAYS} (default ${ACTIVITY_DEFAULT_DAYS}).`);

export const DiscoveryController = discovery.controller('DiscoveryController', {
  actions: discovery.list(
    {
      path: '/api/v1/discovery/actions',
      summary: 'Action log of one account: automatic and manual matches, merges, ignores (newest first)',
      query: listQuery({
        accountId: accountId.describe('The Duo account (required).'),
        serviceId: serviceId.optional(),
        automatic: booleanParam.describe("true: only automatic matches; false: only people's actions."),
      }),
      list: actionViewSchema,
    },
    (request, client) => client.call('discovery.actions.list', request),
  ),
  summary: discovery.get(
    {
      path: '/api/v1/discovery/summary',
      summary: 'Per-account inventory summary: services, matched, unmatched, new this week, users',
      query: z.object({ accountId: accountId.optional() }).strict(),
      response: z.object({ items: z.array(accountSummarySchema) }),
    },
    ({ query }, client) => client.call('discovery.accounts.summary', withoutAbsent(query)),
  ),
  activity: discovery.get(
    {
      path: '/api/v1/discovery/activity',
      summary: 'Authentications per UTC day (total, success, denied, fraud), zero-filled, oldest first',
      description: 'One account, or summed over every account when accountId is omitted.',
      query: z.object({ accountId: accountId.optional(), days: daysParam }).strict(),
      response: activityResponseSchema,
    },
    ({ query }, client) => client.call('discovery.activity.daily', withoutAbsent(query)),
  ),
  seats: discovery.get(
    {
      path: '/api/v1/discovery/seats',
      summary: 'Unused seats: billable users, active users and reclaimable seats per account and in total',
      description:
        'A seat is reclaimable when its user never enrolled, or had no successful authentication for the ' +
        "account's unusedAfterDays (default 30): denied-only when there were failed attempts, inactive otherwise.",
      query: z.object({ accountId: accountId.optional() }).strict(),
      response: seatsResponseSchema,
    },
    ({ query }, client) => client.call('discovery.seats.summary', withoutAbsent(query)),
  ),
  reclaimable: discovery.list(
    {
      path: '/api/v1/discovery/seats/:accountId/reclaimable',
      summary: 'Reclaimable seats of one account, each with its reason (CSV with format=csv)',
      params: accountParams,
      query: listQuery({
        reason: z.enum(RECLAIM_REASONS).optional(),
        sort: z
          .enum(['username', '-username', 'lastSuccess', '-lastSuccess'])
          .optional()
          .describe('Sort key; - for descending (default lastSuccess: longest unused first).'),
      }),
      list: reclaimableUserSchema,
    },
    (request, client, params) => client.call('discovery.seats.reclaimable', { ...request, ...params }),
  ),
  seatSettings: discovery.get(
    {
      path: '/api/v1/discovery/seats/:accountId/settings',
      summary: "An account's seat settings: after how many days without a successful authentication a seat is unused",
      params: accountParams,
      response: seatSettingsSchema,
    },
    ({ params }, client) => client.call('discovery.seats.settings.get', params),
  ),
  setSeatSettings: discovery.command(
    {
      method: 'PUT',
      path: '/api/v1/discovery/seats/:accountId/settings',
      summary: 'Set after how many days without a successful authentication a seat of the account is unused',
      params: accountParams,
      status: 200,
      body: seatSettingsRequestSchema.omit({ accountId: true, actor: true }),
      response: seatSettingsSchema,
    },
    (request, client) => client.call('discovery.seats.settings.set', request),
  ),
  groups: discovery.list(
    {
      path: '/api/v1/discovery/groups',
      summary: 'Services across customers, grouped by catalog product (or normalized name when unmatched)',
      query: listQuery({
        q: searchParam,
        matched: booleanParam.describe('true: only catalog products; false: only unmatched names.'),
        sort: z.enum(GROUP_SORTS).optional().describe('Sort key; - for descending (default -customers).'),
      }),
      list: groupViewSchema,
    },
    (request, client) => client.call('discovery.groups.list', request),
  ),
  group: discovery.get(
    {
      path: '/api/v1/discovery/groups/:id',
      summary: 'One service across customers, with the accounts using it',
      params: z.object({ id: groupId }).strict(),
      response: groupDetailSchema,
    },
    ({ params }, client) => client.call('discovery.groups.get', params),
  ),
});
