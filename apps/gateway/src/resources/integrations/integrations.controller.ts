import { Controller } from '@nestjs/common';
import type { IntegrationView } from '@seatwise/shared/contracts/connector-views';
import { pageInMemory } from '../../lists/cursor';
import { Pager } from '../../lists/pager';
import type { InputOf } from '../../routing/route-definition';
import { ApiRoute } from '../../routing/route.decorator';
import { Input } from '../../routing/route-input';
import { ConnectorClient } from '../../upstream/connector.client';
import { integrationRoutes as routes } from './integrations.routes';

@Controller()
export class IntegrationsController {
  constructor(private readonly connector: ConnectorClient) {}

  @ApiRoute(routes.list)
  list(@Input() { query }: InputOf<typeof routes.list>): Pager<IntegrationView> {
    return new Pager(async (cursor, limit) => {
      const { items } = await this.connector.call('duo-connector.integrations.list', {});
      const matching = items.filter(
        (i) => (query.kind === undefined || i.kind === query.kind) && (query.status === undefined || i.status === query.status) && (query.syncStatus === undefined || i.syncStatus === query.syncStatus),
      );
      return pageInMemory(matching, (i) => `${i.createdAt}|${i.id}`, limit, cursor);
    }, query);
  }

  @ApiRoute(routes.create)
  create(@Input() { body }: InputOf<typeof routes.create>) {
    return this.connector.call('duo-connector.integrations.create', body);
  }

  @ApiRoute(routes.get)
  get(@Input() { params }: InputOf<typeof routes.get>) {
    return this.connector.call('duo-connector.integrations.get', params);
  }

  @ApiRoute(routes.update)
  update(@Input() { params, body }: InputOf<typeof routes.update>) {
    return this.connector.call('duo-connector.integrations.update', { ...body, id: params.id });
  }

  @ApiRoute(routes.remove)
  remove(@Input() { params }: InputOf<typeof routes.remove>) {
    return this.connector.call('duo-connector.integrations.delete', params);
  }

  @ApiRoute(routes.sync)
  sync(@Input() { params }: InputOf<typeof routes.sync>) {
    return this.connector.call('duo-connector.integrations.sync-now', params);
  }
}
