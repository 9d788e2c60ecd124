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
  catalogProductSchema,
  serviceId,
} from '@seatwise/shared/contracts/discovery-views';
import { z } from 'zod';
import { withoutAbsent } from '../../lists/upstream-pager';
import { booleanParam, limitParam, listQuery, searchParam } from '../../routing/query-params';
import { DiscoveryClient } from '../../upstream/discovery.client';
import { Resource } from '../resource';

const discovery = new Resource('Discovery', DiscoveryClient);

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
  catalog: discovery.get(
    {
      path: '/api/v1/catalog',
      summary: 'SaaS catalog products whose name, vendor or alias contains q (to pick a match)',
      query: z.object({ q: searchParam, limit: limitParam }).strict(),
      response: z.object({ items: z.array(catalogProductSchema) }),
    },
    ({ query }, client) => client.call('discovery.catalog.search', withoutAbsent(query)),
  ),
});
