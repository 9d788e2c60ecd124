import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MappingModule } from '../mapping/mapping.module';
import { PsaModule } from '../psa/psa.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { SyncModule } from '../sync/sync.module';
import { CreateConnection } from './create-connection';
import { DeleteConnection } from './delete-connection';
import { ImportPsa } from './import-psa';
import { UpdateConnection } from './update-connection';

// A PSA connection's life: created (then synced), changed, imported into, deleted with what points into it.
@Module({
  imports: [AuditModule, MappingModule, PsaModule, ReconciliationModule, SyncModule],
  providers: [CreateConnection, UpdateConnection, DeleteConnection, ImportPsa],
  exports: [CreateConnection, UpdateConnection, DeleteConnection, ImportPsa],
})
export class ConnectionsModule {}
