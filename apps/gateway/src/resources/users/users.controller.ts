import { Controller } from '@nestjs/common';
import type { UserView } from '@seatwise/shared/contracts/discovery-views';
import { Pager } from '../../lists/pager';
import { upstreamListRequest } from '../../routing/query-params';
import type { InputOf } from '../../routing/route-definition';
import { ApiRoute } from '../../routing/route.decorator';
import { Input } from '../../routing/route-input';
import { DiscoveryClient } from '../../upstream/discovery.client';
import { userRoutes as routes } from './users.routes';

@Controller()
export class UsersController {
  constructor(private readonly discovery: DiscoveryClient) {}

  @ApiRoute(routes.list)
  list(@Input() { query }: InputOf<typeof routes.list>): Pager<UserView> {
    return new Pager((cursor, limit) => this.discovery.call('discovery.users.list', upstreamListRequest(query, cursor, limit)), query);
  }

  @ApiRoute(routes.get)
  get(@Input() { params }: InputOf<typeof routes.get>) {
    return this.discovery.call('discovery.users.get', params);
  }

  @ApiRoute(routes.services)
  services(@Input() { params, query }: InputOf<typeof routes.services>) {
    return new Pager((cursor, limit) => this.discovery.call('discovery.users.services', { id: params.id, ...upstreamListRequest(query, cursor, limit) }), query);
  }
}
