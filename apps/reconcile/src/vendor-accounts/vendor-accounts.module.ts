import { Module } from '@nestjs/common';
import { AccountHistoryQuery } from './account-history.query';
import { VendorAccountRepository } from './vendor-account.repository';
import { VendorHistoryRepository } from './vendor-history.repository';
import { VendorNamesRepository } from './vendor-names.repository';
import { VendorSnapshots } from './vendor-snapshots';

// The vendor side: each Duo account as the connector last reported it, and its seat and edition history.
@Module({
  providers: [
    VendorAccountRepository,
    VendorNamesRepository,
    VendorHistoryRepository,
    VendorSnapshots,
    AccountHistoryQuery,
  ],
  exports: [VendorAccountRepository, VendorSnapshots, AccountHistoryQuery],
})
export class VendorAccountsModule {}
