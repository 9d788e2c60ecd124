import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { InventoryModule } from '../inventory/inventory.module';
import { CurationMessageController } from './curation.message-controller';
import { CurationService } from './curation.service';

// What people decide about discovered services (match, merge, ignore), each written to the action log.
@Module({
  imports: [InventoryModule, CatalogModule],
  controllers: [CurationMessageController],
  providers: [CurationService],
})
export class CurationModule {}
