import { accountId, integrationId } from '@seatwise/shared/contracts/common';
import { duoAccountViewSchema } from '@seatwise/shared/contracts/connector-views';
import { SYNC_STATUSES } from '@seatwise/shared/contracts/integration-events';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { z } from 'zod';
import { wholeListPager } from '../../lists/upstream-pager';
import { booleanParam, listQuery } from '../../routing/query-params';
import { ConnectorClient } from '../../upstream/connector.client';
import { Resource } from '../resource';

const base = '/api/v1/accounts';
const accounts = new Resource('Accounts', ConnectorClient);

// The connector answers its accounts whole: the gateway filters and pages them.
export const AccountsController = accounts.controller('AccountsController', {
  list: accounts.route(
    {
      method: 'GET',
      path: base,
      summary: 'Duo accounts being polled: seats, edition, sync status',
      query: listQuery({
        integrationId: integrationId.optional(),
        syncStatus: z.enum(SYNC_STATUSES).optional(),
        removed: booleanParam.describe('true: only accounts Duo no longer lists; false: only current ones.'),
      }),
      list: duoAccountViewSchema,
    },
    ({ query }, connector) =>
      wholeListPager(query, {
        load: async () => {
          const request = query.integrationId === undefined ? {} : { integrationId: query.integrationId };
          return (await connector.call('duo-connector.accounts.list', request)).items;
        },
        where: { syncStatus: query.syncStatus, removed: query.removed },
        keyOf: (a) => `${a.id}|${a.integrationId}`,
      }),
  ),
  get: accounts.get(
    {
      path: `${base}/:id`,
      summary: 'One Duo account',
      params: z.object({ id: accountId }).strict(),
      response: duoAccountViewSchema,
    },
    async ({ params }, connector) => {
      const { items } = await connector.call('duo-connector.accounts.list', {});
      // An account polled through two integrations appears twice: the current one wins.
      const found = items.filter((a) => a.id === params.id).sort((a, b) => Number(a.removed) - Number(b.removed))[0];
      if (!found) throw new AppError(ErrorCodes.NOT_FOUND, `No Duo account ${params.id}`);
      return found;
    },
  ),
});
