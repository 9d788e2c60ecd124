import { Module } from '@nestjs/common';
import { OwnershipModule } from '../ownership/ownership.module';
import { InventoryModule } from '../../inventory/inventory.module';
import { SeatsModule } from '../../seats/seats.module';
import { SnapshotsRepository } from './snapshots.repository';
import { UsersIngestService } from './users-ingest.service';

// Users snapshots into the user profiles, and the users a complete snapshot no longer holds.
@Module({
  imports: [OwnershipModule, InventoryModule, SeatsModule],
  providers: [SnapshotsRepository, UsersIngestService],
  exports: [UsersIngestService],
})
export class UsersIngestModule {}
