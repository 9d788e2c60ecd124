import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { DecisionsService } from '../reconciliation/decisions.service';
import { RowsSummaryQuery } from '../reconciliation/rows-summary.query';
import { RowsQuery } from '../reconciliation/rows.query';

@Controller()
export class ReconciliationMessageController {
  constructor(
    private readonly rows: RowsQuery,
    private readonly summaries: RowsSummaryQuery,
    private readonly decisions: DecisionsService,
  ) {}

  @Rpc('reconcile.reconciliation.list')
  list(request: RpcInput<'reconcile.reconciliation.list'>) {
    return this.rows.list(request);
  }

  @Rpc('reconcile.reconciliation.summary')
  summary(request: RpcInput<'reconcile.reconciliation.summary'>) {
    return this.summaries.summary(request);
  }

  @Rpc('reconcile.reconciliation.get')
  get(request: RpcInput<'reconcile.reconciliation.get'>) {
    return this.rows.get(request.id);
  }

  @Rpc('reconcile.reconciliation.approve')
  async approve(request: RpcInput<'reconcile.reconciliation.approve'>) {
    return { items: await this.decisions.approve(request) };
  }

  @Rpc('reconcile.reconciliation.dismiss')
  async dismiss(request: RpcInput<'reconcile.reconciliation.dismiss'>) {
    return { items: await this.decisions.dismiss(request) };
  }

  @Rpc('reconcile.reconciliation.reset')
  async reset(request: RpcInput<'reconcile.reconciliation.reset'>) {
    return { items: await this.decisions.reset(request) };
  }
}
