import { Controller, Req } from '@nestjs/common';
import type { ServiceView } from '@seatwise/shared/contracts/discovery-views';
import type { Request } from 'express';
import { actorOf } from '../../auth/principal';
import { Pager } from '../../lists/pager';
import { upstreamListRequest } from '../../routing/query-params';
import type { InputOf } from '../../routing/route-definition';
import { ApiRoute } from '../../routing/route.decorator';
import { Input } from '../../routing/route-input';
import { DiscoveryClient } from '../../upstream/discovery.client';
import { serviceRoutes as routes } from './services.routes';

@Controller()
export class ServicesController {
  constructor(private readonly discovery: DiscoveryClient) {}

  @ApiRoute(routes.list)
  list(@Input() { query }: InputOf<typeof routes.list>): Pager<ServiceView> {
    return new Pager((cursor, limit) => this.discovery.call('discovery.services.list', upstreamListRequest(query, cursor, limit)), query);
  }

  @ApiRoute(routes.get)
  get(@Input() { params }: InputOf<typeof routes.get>) {
    return this.discovery.call('discovery.services.get', params);
  }

  @ApiRoute(routes.users)
  users(@Input() { params, query }: InputOf<typeof routes.users>) {
    return new Pager((cursor, limit) => this.discovery.call('discovery.services.users', { id: params.id, ...upstreamListRequest(query, cursor, limit) }), query);
  }

  @ApiRoute(routes.match)
  match(@Input() { params, body }: InputOf<typeof routes.match>, @Req() req: Request) {
    return this.discovery.call('discovery.services.match', { ...body, id: params.id, actor: actorOf(req) });
  }

  @ApiRoute(routes.merge)
  merge(@Input() { params, body }: InputOf<typeof routes.merge>, @Req() req: Request) {
    return this.discovery.call('discovery.services.merge', { ...body, id: params.id, actor: actorOf(req) });
  }

  @ApiRoute(routes.ignore)
  ignore(@Input() { params, body }: InputOf<typeof routes.ignore>, @Req() req: Request) {
    return this.discovery.call('discovery.services.ignore', { ...body, id: params.id, actor: actorOf(req) });
  }
}
