import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { ActionsQuery } from './actions.query';
import { OverviewMessageController } from './overview.message-controller';
import { ServicesMessageController } from './services.message-controller';
import { ServicesQuery } from './services.query';
import { SummaryQuery } from './summary.query';
import { UsersMessageController } from './users.message-controller';
import { UsersQuery } from './users.query';

// The read side: lists, details and summaries of the inventories, each scoped to one account.
@Module({
  imports: [InventoryModule],
  controllers: [ServicesMessageController, UsersMessageController, OverviewMessageController],
  providers: [ServicesQuery, UsersQuery, ActionsQuery, SummaryQuery],
})
export class QueryModule {}
