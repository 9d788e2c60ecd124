import { Module } from '@nestjs/common';
import { ConnectorLeaseTable } from './connector-lease-table';
import { ConnectorLeases } from './connector-leases';

// Which replica polls what: leases with fencing tokens, shared fairly among the live replicas.
@Module({
  providers: [ConnectorLeaseTable, ConnectorLeases],
  exports: [ConnectorLeases],
})
export class LeasesModule {}
