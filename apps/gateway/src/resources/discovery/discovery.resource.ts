import { accountId } from '@seatwise/shared/contracts/common';
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
