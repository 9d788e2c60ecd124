import { Injectable } from '@nestjs/common';
import type { Page } from '@seatwise/shared/contracts/page';
import type { SyncRunView } from '@seatwise/shared/contracts/reconcile-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import { SyncRunRepository } from './sync-run.repository';
import { toRunView } from './sync-run.views';

@Injectable()
export class SyncRunsQuery {
  constructor(private readonly runs: SyncRunRepository) {}

  list(request: RpcInput<'reconcile.sync-runs.list'>): Promise<Page<SyncRunView>> {
    return this.runs.page(request, toRunView);
  }

  async get(id: string): Promise<SyncRunView> {
    const run = await this.runs.findById(id);
    if (!run) throw new AppError('RECONCILE.SYNC_RUN_NOT_FOUND', `No sync run ${id}`);
    return toRunView(run);
  }
}
