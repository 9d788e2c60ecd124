import { Module } from '@nestjs/common';
import { IngestLeaseTable } from './ingest-lease-table';
import { IngestOwnership } from './ingest-ownership';
import { DEFAULT_OWNERSHIP, OWNERSHIP_OPTIONS } from './ownership-options';

// Which replica applies which accounts' events: partition leases with fencing tokens, shared among the live replicas.
@Module({
  providers: [{ provide: OWNERSHIP_OPTIONS, useValue: DEFAULT_OWNERSHIP }, IngestLeaseTable, IngestOwnership],
  exports: [IngestOwnership],
})
export class OwnershipModule {}
