import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { InventoryModule } from '../inventory/inventory.module';
import { RollupModule } from '../rollup/rollup.module';
import { CatalogEditorMessageController } from './catalog-editor.message-controller';
import { CatalogEditorService } from './catalog-editor.service';
import { CurationMessageController } from './curation.message-controller';
import { CurationService } from './curation.service';
import { Rematcher } from './rematcher';

// What people decide about discovered services (match, merge, ignore, and their undoing), each written
// to the action log; custom catalog products, and the re-matching a new catalog version brings.
@Module({
  imports: [InventoryModule, CatalogModule, RollupModule],
  controllers: [CurationMessageController, CatalogEditorMessageController],
  providers: [CurationService, CatalogEditorService, Rematcher],
})
export class CurationModule {}
