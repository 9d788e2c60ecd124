import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { GroupsMessageController } from './groups.message-controller';
import { GroupsQuery } from './groups.query';
import { GroupsRepository } from './groups.repository';
import { PendingGroupsRepository } from './pending-groups.repository';
import { RollupService } from './rollup.service';

// Services across customers: a rollup of every account's services per catalog product (or normalized
// name), kept up to date by ingest and curation, and its queries.
@Module({
  imports: [InventoryModule],
  controllers: [GroupsMessageController],
  providers: [GroupsRepository, PendingGroupsRepository, RollupService, GroupsQuery],
  exports: [RollupService],
})
export class RollupModule {}
