import { Controller, Req } from '@nestjs/common';
import type { AccountHistoryEntry, SyncRunView } from '@seatwise/shared/contracts/reconcile-views';
import type { Request } from 'express';
import { actorOf } from '../../auth/principal';
import { Pager } from '../../lists/pager';
import { upstreamListRequest } from '../../routing/query-params';
import type { InputOf } from '../../routing/route-definition';
import { ApiRoute } from '../../routing/route.decorator';
import { Input } from '../../routing/route-input';
import { ReconcileClient } from '../../upstream/reconcile.client';
import { syncRunRoutes as routes } from './sync-runs.routes';

@Controller()
export class SyncRunsController {
  constructor(private readonly reconcile: ReconcileClient) {}

  @ApiRoute(routes.list)
  list(@Input() { query }: InputOf<typeof routes.list>): Pager<SyncRunView> {
    return new Pager((cursor, limit) => this.reconcile.call('reconcile.sync-runs.list', upstreamListRequest(query, cursor, limit)), query);
  }

  @ApiRoute(routes.get)
  get(@Input() { params }: InputOf<typeof routes.get>) {
    return this.reconcile.call('reconcile.sync-runs.get', params);
  }

  @ApiRoute(routes.start)
  start(@Input() { body }: InputOf<typeof routes.start>, @Req() req: Request) {
    return this.reconcile.call('reconcile.sync-runs.start', { connectionId: body.connectionId, kind: body.kind ?? 'quick', actor: actorOf(req) });
  }

  @ApiRoute(routes.history)
  history(@Input() { params, query }: InputOf<typeof routes.history>): Pager<AccountHistoryEntry> {
    return new Pager((cursor, limit) => this.reconcile.call('reconcile.accounts.history', { accountId: params.id, ...upstreamListRequest(query, cursor, limit) }), query);
  }
}
