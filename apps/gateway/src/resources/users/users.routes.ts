import { accountId } from '@seatwise/shared/contracts/common';
import { USAGE_SORTS, USER_SORTS, userId, userServiceViewSchema, userViewSchema } from '@seatwise/shared/contracts/discovery-views';
import { DUO_USER_STATUSES } from '@seatwise/shared/contracts/duo-records';
import { z } from 'zod';
import { booleanParam, listQuery, noQuery, searchParam } from '../../routing/query-params';
import { defineRoute } from '../../routing/route-definition';
import { pageOf } from '@seatwise/shared/contracts/page';

const tag = 'Users';
const base = '/api/v1/users';
const idParams = z.object({ id: userId }).strict();

export const userRoutes = {
  list: defineRoute({
    method: 'GET',
    path: base,
    tag,
    summary: 'Duo users of one account, with their activity',
    query: listQuery({
      accountId: accountId.describe('The Duo account (required: inventories are per account).'),
      status: z.enum(DUO_USER_STATUSES).optional(),
      removed: booleanParam.describe('true: only users gone from Duo; false: only current ones.'),
      q: searchParam,
      sort: z.enum(USER_SORTS).optional().describe('Sort key; - for descending (default -lastSeen).'),
    }),
    response: pageOf(userViewSchema),
    csvItem: userViewSchema,
  }),
  get: defineRoute({ method: 'GET', path: `${base}/:id`, tag, summary: 'One user', params: idParams, query: noQuery, response: userViewSchema }),
  services: defineRoute({
    method: 'GET',
    path: `${base}/:id/services`,
    tag,
    summary: 'Services a user used, with first and last use',
    params: idParams,
    query: listQuery({ sort: z.enum(USAGE_SORTS).optional() }),
    response: pageOf(userServiceViewSchema),
    csvItem: userServiceViewSchema,
  }),
};
