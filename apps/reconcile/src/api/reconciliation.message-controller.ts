import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { DecisionsService } from '../reconciliation/decisions.service';
import { RowNotesService } from '../reconciliation/row-notes.service';
import { SettingsService } from '../settings/settings.service';
import { RowsSummaryQuery } from '../reconciliation/rows-summary.query';
import { RowsQuery } from '../reconciliation/rows.query';

@Controller()
export class ReconciliationMessageController {
  constructor(
    private readonly rows: RowsQuery,
    private readonly summaries: RowsSummaryQuery,
    private readonly decisions: DecisionsService,
    private readonly notes: RowNotesService,
    private readonly settings: SettingsService,
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

  @Rpc('reconcile.reconciliation.note')
  note(request: RpcInput<'reconcile.reconciliation.note'>) {
    return this.notes.note(request);
  }

  @Rpc('reconcile.reconciliation.mute')
  async mute(request: RpcInput<'reconcile.reconciliation.mute'>) {
    return { items: await this.notes.mute(request) };
  }

  @Rpc('reconcile.settings.get')
  getSettings(_request: RpcInput<'reconcile.settings.get'>) {
    return this.settings.get();
  }

  @Rpc('reconcile.settings.update')
  updateSettings(request: RpcInput<'reconcile.settings.update'>) {
    return this.settings.update(request);
  }
}
