import { Module } from '@nestjs/common';
import { AccountUsageConsumer } from './account-usage.consumer';
import { AccountUsageRepository } from './account-usage.repository';

// Seats actually used, from discovery's events: what the review shows beside each row's Duo seats.
@Module({
  providers: [AccountUsageRepository, AccountUsageConsumer],
  exports: [AccountUsageRepository],
})
export class AccountUsageModule {}
