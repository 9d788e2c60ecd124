import { Controller, Req } from '@nestjs/common';
import type { AuditEntryView, ReconciliationRowView } from '@seatwise/shared/contracts/reconcile-views';
import type { Request } from 'express';
import { actorOf } from '../../auth/principal';
import { Pager } from '../../lists/pager';
import { upstreamListRequest } from '../../routing/query-params';
import type { InputOf } from '../../routing/route-definition';
import { ApiRoute } from '../../routing/route.decorator';
import { Input } from '../../routing/route-input';
import { ReconcileClient } from '../../upstream/reconcile.client';
import { reconciliationRoutes as routes } from './reconciliation.routes';

@Controller()
export class ReconciliationController {
  constructor(private readonly reconcile: ReconcileClient) {}

  @ApiRoute(routes.list)
  list(@Input() { query }: InputOf<typeof routes.list>): Pager<ReconciliationRowView> {
    return new Pager((cursor, limit) => this.reconcile.call('reconcile.reconciliation.list', upstreamListRequest(query, cursor, limit)), query);
  }

  @ApiRoute(routes.get)
  get(@Input() { params }: InputOf<typeof routes.get>) {
    return this.reconcile.call('reconcile.reconciliation.get', params);
  }

  @ApiRoute(routes.approve)
  approve(@Input() { body }: InputOf<typeof routes.approve>, @Req() req: Request) {
    return this.reconcile.call('reconcile.reconciliation.approve', { ...body, actor: actorOf(req) });
  }

  @ApiRoute(routes.dismiss)
  dismiss(@Input() { body }: InputOf<typeof routes.dismiss>, @Req() req: Request) {
    return this.reconcile.call('reconcile.reconciliation.dismiss', { ...body, actor: actorOf(req) });
  }

  @ApiRoute(routes.reset)
  reset(@Input() { body }: InputOf<typeof routes.reset>, @Req() req: Request) {
    return this.reconcile.call('reconcile.reconciliation.reset', { ...body, actor: actorOf(req) });
  }

  @ApiRoute(routes.audit)
  audit(@Input() { query }: InputOf<typeof routes.audit>): Pager<AuditEntryView> {
    return new Pager((cursor, limit) => this.reconcile.call('reconcile.audit.list', upstreamListRequest(query, cursor, limit)), query);
  }
}
