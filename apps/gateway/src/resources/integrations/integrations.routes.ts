import { integrationId } from '@seatwise/shared/contracts/common';
import { INTEGRATION_KINDS, INTEGRATION_STATES, integrationInputSchema, integrationViewSchema, integrationWithReportSchema } from '@seatwise/shared/contracts/connector-views';
import { SYNC_STATUSES } from '@seatwise/shared/contracts/integration-events';
import { z } from 'zod';
import { defineRoute } from '../../routing/route-definition';
import { listQuery } from '../../routing/query-params';
import { pageOf } from '@seatwise/shared/contracts/page';

const tag = 'Integrations';
const base = '/api/v1/integrations';
const idParams = z.object({ id: integrationId }).strict();

export const integrationRoutes = {
  list: defineRoute({
    method: 'GET',
    path: base,
    tag,
    summary: 'List Duo integrations (never their secret keys)',
    query: listQuery({ kind: z.enum(INTEGRATION_KINDS).optional(), status: z.enum(INTEGRATION_STATES).optional(), syncStatus: z.enum(SYNC_STATUSES).optional() }),
    response: pageOf(integrationViewSchema),
    csvItem: integrationViewSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: base,
    tag,
    summary: 'Add a Duo integration: its permissions are probed and reported',
    description:
      'Answers 201 with the stored integration and the validation report, also when Duo refuses the keys or permissions are missing (then the integration has status "error" and the report says why).',
    body: integrationInputSchema,
    response: integrationWithReportSchema,
  }),
  get: defineRoute({ method: 'GET', path: `${base}/:id`, tag, summary: 'One integration', params: idParams, response: integrationViewSchema }),
  update: defineRoute({
    method: 'PATCH',
    path: `${base}/:id`,
    tag,
    summary: 'Change an integration; its credentials are probed again',
    params: idParams,
    body: integrationInputSchema.partial().strict().refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' }),
    response: integrationWithReportSchema,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: `${base}/:id`,
    tag,
    summary: 'Stop syncing an integration and forget it',
    params: idParams,
    response: z.object({ deleted: z.literal(true) }),
  }),
  sync: defineRoute({
    method: 'POST',
    path: `${base}/:id/sync`,
    tag,
    summary: 'Poll every account of the integration now',
    params: idParams,
    status: 202,
    response: z.object({ accepted: z.literal(true) }),
  }),
};
