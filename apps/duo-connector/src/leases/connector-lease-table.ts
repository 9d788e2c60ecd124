import { Inject, Injectable } from '@nestjs/common';
import { LeaseTable } from '@seatwise/platform/db/lease-table';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/connector-env';

// The connector's leases: one per polled account, one per Accounts API integration's listing, one per live replica.
@Injectable()
export class ConnectorLeaseTable extends LeaseTable {
  constructor(mongo: MongoConnection, @Inject(APP_ENV) env: Env) {
    super(mongo, 'connector_leases', env.CONNECTOR_LEASE_MS);
  }
}
