import { Controller } from '@nestjs/common';
import type { DuoAccountView } from '@seatwise/shared/contracts/connector-views';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { pageInMemory } from '../../lists/cursor';
import { Pager } from '../../lists/pager';
import type { InputOf } from '../../routing/route-definition';
import { ApiRoute } from '../../routing/route.decorator';
import { Input } from '../../routing/route-input';
import { ConnectorClient } from '../../upstream/connector.client';
import { accountRoutes as routes } from './accounts.routes';

@Controller()
export class AccountsController {
  constructor(private readonly connector: ConnectorClient) {}

  @ApiRoute(routes.list)
  list(@Input() { query }: InputOf<typeof routes.list>): Pager<DuoAccountView> {
    return new Pager(async (cursor, limit) => {
      const request = query.integrationId === undefined ? {} : { integrationId: query.integrationId };
      const { items } = await this.connector.call('duo-connector.accounts.list', request);
      const matching = items.filter((a) => (query.syncStatus === undefined || a.syncStatus === query.syncStatus) && (query.removed === undefined || a.removed === query.removed));
      return pageInMemory(matching, (a) => `${a.id}|${a.integrationId}`, limit, cursor);
    }, query);
  }

  @ApiRoute(routes.get)
  async get(@Input() { params }: InputOf<typeof routes.get>): Promise<DuoAccountView> {
    const { items } = await this.connector.call('duo-connector.accounts.list', {});
    // An account polled through two integrations appears twice: the current one wins.
    const found = items.filter((a) => a.id === params.id).sort((a, b) => Number(a.removed) - Number(b.removed))[0];
    if (!found) throw new AppError(ErrorCodes.NOT_FOUND, `No Duo account ${params.id}`);
    return found;
  }
}
