import { Module } from '@nestjs/common';
import { AccountStateRepository } from './account-state.repository';
import { AccountsMessageController } from './accounts.message-controller';

// The Duo accounts being polled: their state (checkpoint, seats, sync status) and their listing.
@Module({
  controllers: [AccountsMessageController],
  providers: [AccountStateRepository],
  exports: [AccountStateRepository],
})
export class AccountsModule {}
