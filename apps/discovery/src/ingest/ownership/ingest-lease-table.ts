import { Inject, Injectable } from '@nestjs/common';
import { LeaseTable } from '@seatwise/platform/db/lease-table';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { OWNERSHIP_OPTIONS, type OwnershipOptions } from './ownership-options';

// Discovery's leases: one per account partition, one per live consuming replica.
@Injectable()
export class IngestLeaseTable extends LeaseTable {
  constructor(mongo: MongoConnection, @Inject(OWNERSHIP_OPTIONS) options: OwnershipOptions) {
    super(mongo, 'discovery_leases', options.leaseMs);
  }
}
