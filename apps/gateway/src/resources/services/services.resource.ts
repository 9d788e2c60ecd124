import { accountId } from '@seatwise/shared/contracts/common';
import {
  SERVICE_SORTS,
  SERVICE_STATUSES,
  USAGE_INCLUDES,
  USAGE_SORTS,
  ignoreRequestSchema,
  matchRequestSchema,
  mergeRequestSchema,
  serviceDetailSchema,
  serviceId,
  serviceUserViewSchema,
  serviceViewSchema,
  unignoreRequestSchema,
  unmatchRequestSchema,
} from '@seatwise/shared/contracts/discovery-views';
import { z } from 'zod';
import { booleanParam, dateTimeParam, listQuery, searchParam } from '../../routing/query-params';
import { DiscoveryClient } from '../../upstream/discovery.client';
import { Resource } from '../resource';

const base = '/api/v1/services';
const idParams = z.object({ id: serviceId }).strict();
// The actor of a command is the API key's name; the client says only what and why.
const command = { id: true, actor: true } as const;
// Curation answers the service it changed (200).
const curation = { params: idParams, status: 200, response: serviceViewSchema } as const;
const services = new Resource('Services', DiscoveryClient);

export const ServicesController = services.controller('ServicesController', {
  list: services.list(
    {
      path: base,
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
      list: serviceViewSchema,
    },
    (request, discovery) => discovery.call('discovery.services.list', request),
  ),
  get: services.get(
    {
      path: `${base}/:id`,
      summary: 'One service with active users over 7/30/90 days',
      params: idParams,
      response: serviceDetailSchema,
    },
    ({ params }, discovery) => discovery.call('discovery.services.get', params),
  ),
  users: services.list(
    {
      path: `${base}/:id/users`,
      summary: 'Users of a service (who authenticated to it successfully), with first and last use',
      params: idParams,
      query: listQuery({
        include: z
          .enum(USAGE_INCLUDES)
          .optional()
          .describe('successful (default): users with a successful authentication; all: any attempt.'),
        sort: z.enum(USAGE_SORTS).optional(),
      }),
      list: serviceUserViewSchema,
    },
    (request, discovery, params) => discovery.call('discovery.services.users', { ...request, ...params }),
  ),
  match: services.command(
    {
      ...curation,
      path: `${base}/:id/match`,
      summary: 'Match a service to a catalog product',
      body: matchRequestSchema.omit(command),
    },
    (request, discovery) => discovery.call('discovery.services.match', request),
  ),
  merge: services.command(
    {
      ...curation,
      path: `${base}/:id/merge`,
      summary: 'Merge a service into another of the same account',
      body: mergeRequestSchema.omit(command),
    },
    (request, discovery) => discovery.call('discovery.services.merge', request),
  ),
  ignore: services.command(
    {
      ...curation,
      path: `${base}/:id/ignore`,
      summary: 'Ignore a service',
      body: ignoreRequestSchema.omit(command).optional(),
    },
    (request, discovery) => discovery.call('discovery.services.ignore', request),
  ),
  unmatch: services.command(
    {
      ...curation,
      path: `${base}/:id/unmatch`,
      summary: 'Remove the catalog match of a service (automatic matching leaves it alone afterwards)',
      body: unmatchRequestSchema.omit(command).optional(),
    },
    (request, discovery) => discovery.call('discovery.services.unmatch', request),
  ),
  unignore: services.command(
    {
      ...curation,
      path: `${base}/:id/unignore`,
      summary: 'Stop ignoring a service',
      body: unignoreRequestSchema.omit(command).optional(),
    },
    (request, discovery) => discovery.call('discovery.services.unignore', request),
  ),
});
