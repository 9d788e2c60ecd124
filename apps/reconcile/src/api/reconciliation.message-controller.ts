import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { reconcileRpcs as rpc } from '@seatwise/shared/contracts/reconcile-rpcs';
import type { RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { toPage } from '../db/cursor';
import { fail, ReconcileErrors } from '../errors';
import { DecisionsService } from '../reconciliation/decisions.service';
import { Reconciler } from '../reconciliation/reconciler.service';
import { RowRepository, toRowView } from '../reconciliation/row.repository';

@Controller()
export class ReconciliationMessageController {
  constructor(private readonly rows: RowRepository, private readonly reconciler: Reconciler, private readonly decisions: DecisionsService) {}

  @MessagePattern('reconcile.reconciliation.list')
  async list(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.reconciliation.list'>> {
    const query = parseOrThrow(rpc['reconcile.reconciliation.list'].request, payload, 'request');
    const readiness = await this.reconciler.readiness();
    if (!readiness.ready) {
      throw fail(ReconcileErrors.NOT_READY,
        `Reconciliation starts once at least one Duo account is mapped to a PSA company and one Duo SKU to a PSA product (now ${readiness.accountsMapped} accounts and ${readiness.servicesMapped} services are mapped)`);
    }
    return toPage(await this.rows.list(query), query.limit, toRowView);
  }

  @MessagePattern('reconcile.reconciliation.get')
  async get(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.reconciliation.get'>> {
    const { id } = parseOrThrow(rpc['reconcile.reconciliation.get'].request, payload, 'request');
    const row = await this.rows.get(id);
    if (!row) throw fail(ReconcileErrors.ROW_NOT_FOUND, `No reconciliation row ${id}`);
    return toRowView(row);
  }

  @MessagePattern('reconcile.reconciliation.approve')
  async approve(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.reconciliation.approve'>> {
    return { items: await this.decisions.approve(parseOrThrow(rpc['reconcile.reconciliation.approve'].request, payload, 'approval')) };
  }

  @MessagePattern('reconcile.reconciliation.dismiss')
  async dismiss(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.reconciliation.dismiss'>> {
    return { items: await this.decisions.dismiss(parseOrThrow(rpc['reconcile.reconciliation.dismiss'].request, payload, 'dismissal')) };
  }

  @MessagePattern('reconcile.reconciliation.reset')
  async reset(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.reconciliation.reset'>> {
    return { items: await this.decisions.reset(parseOrThrow(rpc['reconcile.reconciliation.reset'].request, payload, 'reset')) };
  }
}
