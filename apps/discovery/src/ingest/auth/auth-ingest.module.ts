import { Module } from '@nestjs/common';
import { OwnershipModule } from '../ownership/ownership.module';
import { CatalogModule } from '../../catalog/catalog.module';
import { InventoryModule } from '../../inventory/inventory.module';
import { RollupModule } from '../../rollup/rollup.module';
import { SeatsModule } from '../../seats/seats.module';
import { Announcer } from './announcer';
import { AuthIngestService } from './auth-ingest.service';
import { BatchPlanner } from './batch-planner';
import { BatchWriter } from './batch-writer';
import { JournalRepository } from './journal.repository';

// Auth-log batches into the inventories, exactly once (the journal), with the automatic catalog match.
@Module({
  imports: [OwnershipModule, InventoryModule, CatalogModule, RollupModule, SeatsModule],
  providers: [JournalRepository, BatchPlanner, BatchWriter, Announcer, AuthIngestService],
  exports: [AuthIngestService, JournalRepository],
})
export class AuthIngestModule {}
