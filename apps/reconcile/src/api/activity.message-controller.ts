import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { reconcileRpcs as rpc } from '@seatwise/shared/contracts/reconcile-rpcs';
import type { RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { AuditRepository, toAuditView } from '../audit/audit.repository';
import { toPage } from '../db/cursor';
import { fail, ReconcileErrors } from '../errors';
import { SyncRunRepository, toRunView } from '../sync/sync-run.repository';
import { SyncRunner } from '../sync/sync-runner.service';
import { VendorAccountRepository } from '../vendor/vendor-account.repository';

// Sync runs, the audit log and the vendor history: what happened, and who did it.
@Controller()
export class ActivityMessageController {
  constructor(
    private readonly runs: SyncRunRepository,
    private readonly runner: SyncRunner,
    private readonly audit: AuditRepository,
    private readonly vendors: VendorAccountRepository,
  ) {}

  @MessagePattern('reconcile.sync-runs.list')
  async listRuns(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.sync-runs.list'>> {
    const query = parseOrThrow(rpc['reconcile.sync-runs.list'].request, payload, 'request');
    return toPage(await this.runs.list(query), query.limit, toRunView);
  }

  @MessagePattern('reconcile.sync-runs.get')
  async getRun(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.sync-runs.get'>> {
    const { id } = parseOrThrow(rpc['reconcile.sync-runs.get'].request, payload, 'request');
    const run = await this.runs.get(id);
    if (!run) throw fail(ReconcileErrors.SYNC_RUN_NOT_FOUND, `No sync run ${id}`);
    return toRunView(run);
  }

  @MessagePattern('reconcile.sync-runs.start')
  async startRun(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.sync-runs.start'>> {
    const request = parseOrThrow(rpc['reconcile.sync-runs.start'].request, payload, 'request');
    return toRunView(await this.runner.start(request.connectionId, request.kind, 'manual', request.actor));
  }

  @MessagePattern('reconcile.audit.list')
  async listAudit(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.audit.list'>> {
    const query = parseOrThrow(rpc['reconcile.audit.list'].request, payload, 'request');
    return toPage(await this.audit.list(query), query.limit, toAuditView);
  }

  @MessagePattern('reconcile.accounts.history')
  async history(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.accounts.history'>> {
    const query = parseOrThrow(rpc['reconcile.accounts.history'].request, payload, 'request');
    return toPage(await this.vendors.historyOf({ accountId: query.accountId }, query.limit, query.cursor), query.limit, (d) => ({
      accountId: d.accountId, observedAt: new Date(d.observedAt).toISOString(), edition: d.edition ?? null, billableSeats: d.billableSeats,
      previousEdition: d.previousEdition ?? null, previousBillableSeats: d.previousBillableSeats ?? null,
    }));
  }
}
