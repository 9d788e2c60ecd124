import { Controller, Req } from '@nestjs/common';
import type { PsaCompanyView, PsaConnectionView, PsaProductView } from '@seatwise/shared/contracts/reconcile-views';
import type { Request } from 'express';
import { actorOf } from '../../auth/principal';
import { Pager } from '../../lists/pager';
import { upstreamListRequest } from '../../routing/query-params';
import type { InputOf } from '../../routing/route-definition';
import { ApiRoute } from '../../routing/route.decorator';
import { Input } from '../../routing/route-input';
import { ReconcileClient } from '../../upstream/reconcile.client';
import { psaRoutes as routes } from './psa.routes';

@Controller()
export class PsaController {
  constructor(private readonly reconcile: ReconcileClient) {}

  @ApiRoute(routes.list)
  list(@Input() { query }: InputOf<typeof routes.list>): Pager<PsaConnectionView> {
    return new Pager((cursor, limit) => this.reconcile.call('reconcile.psa.connections.list', upstreamListRequest(query, cursor, limit)), query);
  }

  @ApiRoute(routes.create)
  create(@Input() { body }: InputOf<typeof routes.create>, @Req() req: Request) {
    return this.reconcile.call('reconcile.psa.connections.create', { ...body, actor: actorOf(req) });
  }

  @ApiRoute(routes.get)
  get(@Input() { params }: InputOf<typeof routes.get>) {
    return this.reconcile.call('reconcile.psa.connections.get', params);
  }

  @ApiRoute(routes.update)
  update(@Input() { params, body }: InputOf<typeof routes.update>, @Req() req: Request) {
    return this.reconcile.call('reconcile.psa.connections.update', { ...body, id: params.id, actor: actorOf(req) });
  }

  @ApiRoute(routes.remove)
  remove(@Input() { params }: InputOf<typeof routes.remove>, @Req() req: Request) {
    return this.reconcile.call('reconcile.psa.connections.delete', { id: params.id, actor: actorOf(req) });
  }

  @ApiRoute(routes.import)
  import(@Input() { body }: InputOf<typeof routes.import>, @Req() req: Request) {
    return this.reconcile.call('reconcile.psa.import', { ...body, actor: actorOf(req) });
  }

  @ApiRoute(routes.companies)
  companies(@Input() { query }: InputOf<typeof routes.companies>): Pager<PsaCompanyView> {
    return new Pager((cursor, limit) => this.reconcile.call('reconcile.psa.companies.list', upstreamListRequest(query, cursor, limit)), query);
  }

  @ApiRoute(routes.products)
  products(@Input() { query }: InputOf<typeof routes.products>): Pager<PsaProductView> {
    return new Pager((cursor, limit) => this.reconcile.call('reconcile.psa.products.list', upstreamListRequest(query, cursor, limit)), query);
  }
}
