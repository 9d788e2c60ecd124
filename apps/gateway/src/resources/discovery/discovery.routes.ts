import { accountId } from '@seatwise/shared/contracts/common';
import { accountSummarySchema, actionViewSchema, catalogProductSchema, serviceId } from '@seatwise/shared/contracts/discovery-views';
import { z } from 'zod';
import { booleanParam, limitParam, listQuery, searchParam } from '../../routing/query-params';
import { defineRoute } from '../../routing/route-definition';
import { pageOf } from '@seatwise/shared/contracts/page';

const tag = 'Discovery';

export const discoveryRoutes = {
  actions: defineRoute({
    method: 'GET',
    path: '/api/v1/discovery/actions',
    tag,
    summary: 'Action log of one account: automatic and manual matches, merges, ignores (newest first)',
    query: listQuery({
      accountId: accountId.describe('The Duo account (required).'),
      serviceId: serviceId.optional(),
      automatic: booleanParam.describe('true: only automatic matches; false: only people\'s actions.'),
    }),
    response: pageOf(actionViewSchema),
    csvItem: actionViewSchema,
  }),
  summary: defineRoute({
    method: 'GET',
    path: '/api/v1/discovery/summary',
    tag,
    summary: 'Per-account inventory summary: services, matched, unmatched, new this week, users',
    query: z.object({ accountId: accountId.optional() }).strict(),
    response: z.object({ items: z.array(accountSummarySchema) }),
  }),
  catalog: defineRoute({
    method: 'GET',
    path: '/api/v1/catalog',
    tag,
    summary: 'SaaS catalog products whose name, vendor or alias contains q (to pick a match)',
    query: z.object({ q: searchParam, limit: limitParam }).strict(),
    response: z.object({ items: z.array(catalogProductSchema) }),
  }),
};
