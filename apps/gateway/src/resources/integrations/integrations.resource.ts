import { integrationId } from '@seatwise/shared/contracts/common';
import {
  INTEGRATION_KINDS,
  INTEGRATION_STATES,
  integrationInputSchema,
  integrationViewSchema,
  integrationWithReportSchema,
} from '@seatwise/shared/contracts/connector-views';
import { SYNC_STATUSES } from '@seatwise/shared/contracts/integration-events';
import { z } from 'zod';
import { wholeListPager } from '../../lists/upstream-pager';
import { listQuery } from '../../routing/query-params';
import { ConnectorClient } from '../../upstream/connector.client';
import { Resource } from '../resource';

const base = '/api/v1/integrations';
const idParams = z.object({ id: integrationId }).strict();
const integrations = new Resource('Integrations', ConnectorClient);

export const IntegrationsController = integrations.controller('IntegrationsController', {
  // The connector answers its integrations whole: the gateway filters and pages them.
  list: integrations.route(
    {
      method: 'GET',
      path: base,
      summary: 'List Duo integrations (never their secret keys)',
      query: listQuery({
        kind: z.enum(INTEGRATION_KINDS).optional(),
        status: z.enum(INTEGRATION_STATES).optional(),
        syncStatus: z.enum(SYNC_STATUSES).optional(),
      }),
      list: integrationViewSchema,
    },
    ({ query }, connector) =>
      wholeListPager(query, {
        load: async () => (await connector.call('duo-connector.integrations.list', {})).items,
        where: { kind: query.kind, status: query.status, syncStatus: query.syncStatus },
        keyOf: (i) => `${i.createdAt}|${i.id}`,
      }),
  ),
  create: integrations.route(
    {
      method: 'POST',
      path: base,
      summary: 'Add a Duo integration: its permissions are probed and reported',
      description:
        'Answers 201 with the stored integration and the validation report, also when Duo refuses the keys or permissions are missing (then the integration has status "error" and the report says why).',
      body: integrationInputSchema,
      response: integrationWithReportSchema,
    },
    ({ body, actor }, connector) => connector.call('duo-connector.integrations.create', { ...body, actor }),
  ),
  get: integrations.get(
    { path: `${base}/:id`, summary: 'One integration', params: idParams, response: integrationViewSchema },
    ({ params }, connector) => connector.call('duo-connector.integrations.get', params),
  ),
  update: integrations.route(
    {
      method: 'PATCH',
      path: `${base}/:id`,
      summary: 'Change an integration; its credentials are probed again',
      params: idParams,
      body: integrationInputSchema
        .partial()
        .strict()
        .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' }),
      response: integrationWithReportSchema,
    },
    ({ params, body, actor }, connector) =>
      connector.call('duo-connector.integrations.update', { ...body, ...params, actor }),
  ),
  remove: integrations.route(
    {
      method: 'DELETE',
      path: `${base}/:id`,
      summary: 'Stop syncing an integration and forget it',
      params: idParams,
      response: z.object({ deleted: z.literal(true) }),
    },
    ({ params, actor }, connector) => connector.call('duo-connector.integrations.delete', { ...params, actor }),
  ),
  sync: integrations.route(
    {
      method: 'POST',
      path: `${base}/:id/sync`,
      summary: 'Poll every account of the integration now',
      params: idParams,
      status: 202,
      response: z.object({ accepted: z.literal(true) }),
    },
    ({ params, actor }, connector) => connector.call('duo-connector.integrations.sync-now', { ...params, actor }),
  ),
});
