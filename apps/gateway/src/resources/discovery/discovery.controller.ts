import { Controller } from '@nestjs/common';
import type { ActionView } from '@seatwise/shared/contracts/discovery-views';
import { Pager } from '../../lists/pager';
import { upstreamListRequest } from '../../routing/query-params';
import type { InputOf } from '../../routing/route-definition';
import { ApiRoute } from '../../routing/route.decorator';
import { Input } from '../../routing/route-input';
import { DiscoveryClient } from '../../upstream/discovery.client';
import { discoveryRoutes as routes } from './discovery.routes';

@Controller()
export class DiscoveryController {
  constructor(private readonly discovery: DiscoveryClient) {}

  @ApiRoute(routes.actions)
  actions(@Input() { query }: InputOf<typeof routes.actions>): Pager<ActionView> {
    return new Pager((cursor, limit) => this.discovery.call('discovery.actions.list', upstreamListRequest(query, cursor, limit)), query);
  }

  @ApiRoute(routes.summary)
  summary(@Input() { query }: InputOf<typeof routes.summary>) {
    return this.discovery.call('discovery.accounts.summary', query.accountId === undefined ? {} : { accountId: query.accountId });
  }

  @ApiRoute(routes.catalog)
  catalog(@Input() { query }: InputOf<typeof routes.catalog>) {
    return this.discovery.call('discovery.catalog.search', { limit: query.limit, ...(query.q === undefined ? {} : { q: query.q }) });
  }
}
