import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { ActionsQuery } from './actions.query';
import { ActivityQuery } from './activity.query';
import { OverviewMessageController } from './overview.message-controller';
import { ServicesMessageController } from './services.message-controller';
import { ServicesQuery } from './services.query';
import { SummaryQuery } from './summary.query';
import { UsersMessageController } from './users.message-controller';
import { UsersQuery } from './users.query';

// The read side: lists, details, summaries and daily activity of the inventories, each scoped to one
// account (the summaries and activity may also span every account, when asked).
@Module({
  imports: [InventoryModule],
  controllers: [ServicesMessageController, UsersMessageController, OverviewMessageController],
  providers: [ServicesQuery, UsersQuery, ActionsQuery, SummaryQuery, ActivityQuery],
})
export class QueryModule {}
