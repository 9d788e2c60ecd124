import { pageInMemory } from '@seatwise/platform/db/find-page';
import { accountId, integrationId } from '@seatwise/shared/contracts/common';
import { type DuoAccountView, duoAccountViewSchema } from '@seatwise/shared/contracts/connector-views';
import { SYNC_STATUSES } from '@seatwise/shared/contracts/integration-events';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { z } from 'zod';
import { Pager } from '../../lists/pager';
import { booleanParam, listQuery, noQuery } from '../../routing/query-params';
import { ConnectorClient } from '../../upstream/connector.client';
import { Resource } from '../resource';

const base = '/api/v1/accounts';
const accounts = new Resource('Accounts', ConnectorClient);

const listFilters = listQuery({
  integrationId: integrationId.optional(),
  syncStatus: z.enum(SYNC_STATUSES).optional(),
  removed: booleanParam.describe('true: only accounts Duo no longer lists; false: only current ones.'),
});

// The connector answers its accounts whole: the gateway filters and pages them.
export const AccountsController = accounts.controller('AccountsController', {
  list: accounts.route(
    {
      method: 'GET',
      path: base,
      summary: 'Duo accounts being polled: seats, edition, sync status',
      query: listFilters,
      list: duoAccountViewSchema,
    },
    ({ query }, connector) =>
      new Pager(async (cursor, limit) => {
        const request = query.integrationId === undefined ? {} : { integrationId: query.integrationId };
        const { items } = await connector.call('duo-connector.accounts.list', request);
        const matching = items.filter((a) => matches(a, query));
        return pageInMemory(matching, (a) => `${a.id}|${a.integrationId}`, limit, cursor);
      }, query),
  ),
  get: accounts.route(
    {
      method: 'GET',
      path: `${base}/:id`,
      summary: 'One Duo account',
      params: z.object({ id: accountId }).strict(),
      query: noQuery,
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

function matches(account: DuoAccountView, query: z.output<typeof listFilters>): boolean {
  if (query.syncStatus !== undefined && account.syncStatus !== query.syncStatus) return false;
  return query.removed === undefined || account.removed === query.removed;
}
