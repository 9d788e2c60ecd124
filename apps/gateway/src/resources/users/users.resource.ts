import { accountId } from '@seatwise/shared/contracts/common';
import {
  USAGE_SORTS,
  USER_SORTS,
  userId,
  userServiceViewSchema,
  userViewSchema,
} from '@seatwise/shared/contracts/discovery-views';
import { DUO_USER_STATUSES } from '@seatwise/shared/contracts/duo-records';
import { z } from 'zod';
import { booleanParam, listQuery, searchParam } from '../../routing/query-params';
import { DiscoveryClient } from '../../upstream/discovery.client';
import { Resource } from '../resource';

const base = '/api/v1/users';
const idParams = z.object({ id: userId }).strict();
const users = new Resource('Users', DiscoveryClient);

export const UsersController = users.controller('UsersController', {
  list: users.list(
    {
      path: base,
      summary: 'Duo users of one account, with their activity',
      query: listQuery({
        accountId: accountId.describe('The Duo account (required: inventories are per account).'),
        status: z.enum(DUO_USER_STATUSES).optional(),
        removed: booleanParam.describe('true: only users gone from Duo; false: only current ones.'),
        q: searchParam,
        sort: z.enum(USER_SORTS).optional().describe('Sort key; - for descending (default -lastSeen).'),
      }),
      list: userViewSchema,
    },
    (request, discovery) => discovery.call('discovery.users.list', request),
  ),
  get: users.get(
    { path: `${base}/:id`, summary: 'One user', params: idParams, response: userViewSchema },
    ({ params }, discovery) => discovery.call('discovery.users.get', params),
  ),
  services: users.list(
    {
      path: `${base}/:id/services`,
      summary: 'Services a user used, with first and last use',
      params: idParams,
      query: listQuery({ sort: z.enum(USAGE_SORTS).optional() }),
      list: userServiceViewSchema,
    },
    (request, discovery, params) => discovery.call('discovery.users.services', { ...request, ...params }),
  ),
});
