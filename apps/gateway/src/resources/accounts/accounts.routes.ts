import { accountId, integrationId } from '@seatwise/shared/contracts/common';
import { duoAccountViewSchema } from '@seatwise/shared/contracts/connector-views';
import { SYNC_STATUSES } from '@seatwise/shared/contracts/integration-events';
import { z } from 'zod';
import { booleanParam, listQuery, noQuery } from '../../routing/query-params';
import { defineRoute } from '../../routing/route-definition';
import { pageOf } from '@seatwise/shared/contracts/page';

const tag = 'Accounts';
const base = '/api/v1/accounts';

export const accountRoutes = {
  list: defineRoute({
    method: 'GET',
    path: base,
    tag,
    summary: 'Duo accounts being polled: seats, edition, sync status',
    query: listQuery({
      integrationId: integrationId.optional(),
      syncStatus: z.enum(SYNC_STATUSES).optional(),
      removed: booleanParam.describe('true: only accounts Duo no longer lists; false: only current ones.'),
    }),
    response: pageOf(duoAccountViewSchema),
    csvItem: duoAccountViewSchema,
  }),
  get: defineRoute({
    method: 'GET',
    path: `${base}/:id`,
    tag,
    summary: 'One Duo account',
    params: z.object({ id: accountId }).strict(),
    query: noQuery,
    response: duoAccountViewSchema,
  }),
};
