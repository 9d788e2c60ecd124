import { Module } from '@nestjs/common';
import { CatalogModule } from '../../catalog/catalog.module';
import { InventoryModule } from '../../inventory/inventory.module';
import { Announcer } from './announcer';
import { AuthIngestService } from './auth-ingest.service';
import { BatchPlanner } from './batch-planner';
import { BatchWriter } from './batch-writer';
import { JournalRepository } from './journal.repository';

// Auth-log batches into the inventories, exactly once (the journal), with the automatic catalog match.
@Module({
  imports: [InventoryModule, CatalogModule],
  providers: [JournalRepository, BatchPlanner, BatchWriter, Announcer, AuthIngestService],
  exports: [AuthIngestService],
})
export class AuthIngestModule {}
