import { Module } from '@nestjs/common';
import { AccountHistoryQuery } from './account-history.query';
import { VendorAccountRepository } from './vendor-account.repository';

// The vendor side: each Duo account as the connector last reported it, and its seat and edition history.
@Module({
  providers: [VendorAccountRepository, AccountHistoryQuery],
  exports: [VendorAccountRepository, AccountHistoryQuery],
})
export class VendorAccountsModule {}
