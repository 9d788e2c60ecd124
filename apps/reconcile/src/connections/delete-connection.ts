import { Injectable } from '@nestjs/common';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AuditService } from '../audit/audit.service';
import { AccountMappingService } from '../mapping/account-mapping.service';
import { ServiceMappingService } from '../mapping/service-mapping.service';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { Reconciler } from '../reconciliation/reconciler.service';
import { RunSlots } from '../sync/run-slots';
import { SyncRunRepository } from '../sync/sync-run.repository';

// Forgets a PSA connection and everything that points into it: the mappings to its records (unmapped by the
// system), its synced records and its sync runs; then every row is recomputed without it.
@Injectable()
export class DeleteConnection {
  constructor(
    private readonly repository: PsaConnectionRepository,
    private readonly accountMappings: AccountMappingService,
    private readonly serviceMappings: ServiceMappingService,
    private readonly data: PsaDataRepository,
    private readonly runs: SyncRunRepository,
    private readonly runSlots: RunSlots,
    private readonly audit: AuditService,
    private readonly reconciler: Reconciler,
  ) {}

  async delete(request: RpcInput<'reconcile.psa.connections.delete'>): Promise<{ deleted: true }> {
    const { id, actor, note } = request;
    await this.repository.mustFind(id);
    await this.accountMappings.releaseConnection(id, actor);
    await this.serviceMappings.releaseConnection(id, actor);
    await this.data.deleteConnection(id);
    await this.runs.deleteConnection(id);
    await this.runSlots.forget(id);
    await this.repository.delete(id);
    await this.audit.record({ actor, action: 'connection.delete', targetKind: 'connection', targetId: id, note });
    await this.reconciler.recomputeAll();
    return { deleted: true };
  }
}
