import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { Page } from '@seatwise/shared/contracts/page';
import type { ReconciliationRowView } from '@seatwise/shared/contracts/reconcile-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import { ReconcileReadiness } from './readiness';
import { rowListQuery } from './row-list-query';
import { RowViewer } from './row-viewer';
import { RowRepository } from './row.repository';

// Reconciliation rows as the API lists them.
@Injectable()
export class RowsQuery {
  constructor(
    private readonly rows: RowRepository,
    private readonly readiness: ReconcileReadiness,
    private readonly viewer: RowViewer,
    private readonly clock: Clock,
  ) {}

  // Says clearly why the list is empty before anything can be reconciled.
  async list(request: RpcInput<'reconcile.reconciliation.list'>): Promise<Page<ReconciliationRowView>> {
    const readiness = await this.readiness.check();
    if (!readiness.ready) {
      throw new AppError(
        'RECONCILE.NOT_READY',
        `Reconciliation starts once at least one Duo account is mapped to a PSA company and one Duo SKU to a PSA product (now ${readiness.accountsMapped} accounts and ${readiness.servicesMapped} services are mapped)`,
      );
    }
    const { filter, page } = rowListQuery(request, this.clock.now());
    const docs = await this.rows.page(filter, page);
    return { items: await this.viewer.views(docs.items), nextCursor: docs.nextCursor };
  }

  async get(id: string): Promise<ReconciliationRowView> {
    const row = await this.rows.findById(id);
    if (!row) throw new AppError('RECONCILE.ROW_NOT_FOUND', `No reconciliation row ${id}`);
    return this.viewer.view(row);
  }
}
