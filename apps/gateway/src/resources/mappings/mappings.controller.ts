import { Controller, Req } from '@nestjs/common';
import type { AccountMappingView, ServiceMappingView } from '@seatwise/shared/contracts/reconcile-views';
import type { Request } from 'express';
import { actorOf } from '../../auth/principal';
import { pageInMemory } from '../../lists/cursor';
import { Pager } from '../../lists/pager';
import { upstreamListRequest } from '../../routing/query-params';
import type { InputOf } from '../../routing/route-definition';
import { ApiRoute } from '../../routing/route.decorator';
import { Input } from '../../routing/route-input';
import { ReconcileClient } from '../../upstream/reconcile.client';
import { mappingRoutes as routes } from './mappings.routes';

@Controller()
export class MappingsController {
  constructor(private readonly reconcile: ReconcileClient) {}

  @ApiRoute(routes.accounts)
  accounts(@Input() { query }: InputOf<typeof routes.accounts>): Pager<AccountMappingView> {
    return new Pager((cursor, limit) => this.reconcile.call('reconcile.mappings.accounts.list', upstreamListRequest(query, cursor, limit)), query);
  }

  @ApiRoute(routes.mapAccount)
  mapAccount(@Input() { params, body }: InputOf<typeof routes.mapAccount>, @Req() req: Request) {
    return this.reconcile.call('reconcile.mappings.accounts.map', { ...body, accountId: params.accountId, actor: actorOf(req) });
  }

  @ApiRoute(routes.unmapAccount)
  unmapAccount(@Input() { params, body }: InputOf<typeof routes.unmapAccount>, @Req() req: Request) {
    return this.reconcile.call('reconcile.mappings.accounts.unmap', { ...body, accountId: params.accountId, actor: actorOf(req) });
  }

  @ApiRoute(routes.excludeAccount)
  excludeAccount(@Input() { params, body }: InputOf<typeof routes.excludeAccount>, @Req() req: Request) {
    return this.reconcile.call('reconcile.mappings.accounts.exclude', { ...body, accountId: params.accountId, actor: actorOf(req) });
  }

  // The SKU list is short and answered whole; the gateway pages it like any other list.
  @ApiRoute(routes.services)
  services(@Input() { query }: InputOf<typeof routes.services>): Pager<ServiceMappingView> {
    return new Pager(async (cursor, limit) => {
      const { items } = await this.reconcile.call('reconcile.mappings.services.list', {});
      return pageInMemory(items, (m) => m.sku, limit, cursor);
    }, query);
  }

  @ApiRoute(routes.mapService)
  mapService(@Input() { params, body }: InputOf<typeof routes.mapService>, @Req() req: Request) {
    return this.reconcile.call('reconcile.mappings.services.map', { ...body, sku: params.sku, actor: actorOf(req) });
  }

  @ApiRoute(routes.unmapService)
  unmapService(@Input() { params, body }: InputOf<typeof routes.unmapService>, @Req() req: Request) {
    return this.reconcile.call('reconcile.mappings.services.unmap', { ...body, sku: params.sku, actor: actorOf(req) });
  }

  @ApiRoute(routes.excludeService)
  excludeService(@Input() { params, body }: InputOf<typeof routes.excludeService>, @Req() req: Request) {
    return this.reconcile.call('reconcile.mappings.services.exclude', { ...body, sku: params.sku, actor: actorOf(req) });
  }
}
