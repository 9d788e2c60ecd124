import { accountId } from '@seatwise/shared/contracts/common';
import {
  USAGE_INCLUDES,
  USAGE_SORTS,
  USER_SORTS,
  userId,
  userServiceViewSchema,
  userViewSchema,
} from '@seatwise/shared/contracts/discovery-views';
import { DUO_USER_STATUSES } from '@seatwise/shared/contracts/duo-records';
import { z } from 'zod';
import { booleanParam, dateTimeParam, listQuery, searchParam } from '../../routing/query-params';
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
        enrolled: booleanParam.describe('true: only users enrolled in Duo; false: only users never enrolled.'),
        lastSeenBefore: dateTimeParam.describe(
          'Only users whose last authentication attempt (any outcome) is before this time.',
        ),
        lastSeenAfter: dateTimeParam.describe('Only users with an authentication attempt at or after this time.'),
        lastSuccessBefore: dateTimeParam.describe(
          'Only users with no successful authentication at or after this time (never-successful users included).',
        ),
        lastSuccessAfter: dateTimeParam.describe('Only users with a successful authentication at or after this time.'),
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
      summary: 'Services a user used (authenticated to successfully), with first and last use',
      params: idParams,
      query: listQuery({
        include: z
          .enum(USAGE_INCLUDES)
          .optional()
          .describe('successful (default): services used successfully; all: any attempt.'),
        sort: z.enum(USAGE_SORTS).optional(),
      }),
      list: userServiceViewSchema,
    },
    (request, discovery, params) => discovery.call('discovery.users.services', { ...request, ...params }),
  ),
});
