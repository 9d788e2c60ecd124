import { accountId } from '@seatwise/shared/contracts/common';
import {
  SERVICE_SORTS,
  SERVICE_STATUSES,
  USAGE_SORTS,
  ignoreRequestSchema,
  matchRequestSchema,
  mergeRequestSchema,
  serviceDetailSchema,
  serviceId,
  serviceUserViewSchema,
  serviceViewSchema,
} from '@seatwise/shared/contracts/discovery-views';
import { z } from 'zod';
import { booleanParam, dateTimeParam, listQuery, noQuery, searchParam } from '../../routing/query-params';
import { defineRoute } from '../../routing/route-definition';
import { pageOf } from '@seatwise/shared/contracts/page';

const tag = 'Services';
const base = '/api/v1/services';
const idParams = z.object({ id: serviceId }).strict();
// The actor of a command is the API key's name; the client says only what and why.
const command = { id: true, actor: true } as const;

export const serviceRoutes = {
  list: defineRoute({
    method: 'GET',
    path: base,
    tag,
    summary: 'SaaS services discovered in one Duo account',
    query: listQuery({
      accountId: accountId.describe('The Duo account (required: inventories are per account).'),
      status: z.enum(SERVICE_STATUSES).optional(),
      q: searchParam,
      matched: booleanParam.describe('true: only services matched to a catalog product; false: only unmatched.'),
      lastSeenSince: dateTimeParam.describe('Only services used at or after this time.'),
      includeMerged: booleanParam.describe('Also list services merged into another (hidden by default).'),
      sort: z.enum(SERVICE_SORTS).optional().describe('Sort key; - for descending (default -lastSeen).'),
    }),
    response: pageOf(serviceViewSchema),
    csvItem: serviceViewSchema,
  }),
  get: defineRoute({ method: 'GET', path: `${base}/:id`, tag, summary: 'One service with active users over 7/30/90 days', params: idParams, query: noQuery, response: serviceDetailSchema }),
  users: defineRoute({
    method: 'GET',
    path: `${base}/:id/users`,
    tag,
    summary: 'Users of a service, with first and last use',
    params: idParams,
    query: listQuery({ sort: z.enum(USAGE_SORTS).optional() }),
    response: pageOf(serviceUserViewSchema),
    csvItem: serviceUserViewSchema,
  }),
  match: defineRoute({
    method: 'POST',
    path: `${base}/:id/match`,
    tag,
    summary: 'Match a service to a catalog product',
    params: idParams,
    body: matchRequestSchema.omit(command),
    status: 200,
    response: serviceViewSchema,
  }),
  merge: defineRoute({
    method: 'POST',
    path: `${base}/:id/merge`,
    tag,
    summary: 'Merge a service into another of the same account',
    params: idParams,
    body: mergeRequestSchema.omit(command),
    status: 200,
    response: serviceViewSchema,
  }),
  ignore: defineRoute({
    method: 'POST',
    path: `${base}/:id/ignore`,
    tag,
    summary: 'Ignore a service',
    params: idParams,
    body: ignoreRequestSchema.omit(command).optional(),
    status: 200,
    response: serviceViewSchema,
  }),
};
