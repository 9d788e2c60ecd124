import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AuditLogQuery } from '../audit/audit-log.query';
import { StartSyncRun } from '../sync/start-sync-run';
import { SyncRunsQuery } from '../sync/sync-runs.query';
import { AccountHistoryQuery } from '../vendor-accounts/account-history.query';

// Sync runs, the audit log and the vendor history: what happened, and who did it.
@Controller()
export class ActivityMessageController {
  constructor(
    private readonly runs: SyncRunsQuery,
    private readonly starter: StartSyncRun,
    private readonly audit: AuditLogQuery,
    private readonly history: AccountHistoryQuery,
  ) {}

  @Rpc('reconcile.sync-runs.list')
  listRuns(request: RpcInput<'reconcile.sync-runs.list'>) {
    return this.runs.list(request);
  }

  @Rpc('reconcile.sync-runs.get')
  getRun(request: RpcInput<'reconcile.sync-runs.get'>) {
    return this.runs.get(request.id);
  }

  @Rpc('reconcile.sync-runs.start')
  startRun(request: RpcInput<'reconcile.sync-runs.start'>) {
    return this.starter.requested(request);
  }

  @Rpc('reconcile.audit.list')
  listAudit(request: RpcInput<'reconcile.audit.list'>) {
    return this.audit.list(request);
  }

  @Rpc('reconcile.accounts.history')
  accountHistory(request: RpcInput<'reconcile.accounts.history'>) {
    return this.history.list(request);
  }
}
