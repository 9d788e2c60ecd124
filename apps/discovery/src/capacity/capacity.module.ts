import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { CapacityWatch } from './capacity-watch';

// Whether the inventory has outgrown the embedded database (a warning in the log the stack prints).
@Module({
  imports: [InventoryModule],
  providers: [CapacityWatch],
})
export class CapacityModule {}
