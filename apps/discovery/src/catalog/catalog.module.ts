import { Module } from '@nestjs/common';
import { CatalogLoader } from './catalog-loader';
import { CatalogMessageController } from './catalog.message-controller';
import { CustomCatalogRepository } from './custom-catalog.repository';
import { SaasCatalog } from './saas-catalog';

// The SaaS catalog (built-in and custom products): searched by people, matched against discovered names
// by ingest and curation.
@Module({
  controllers: [CatalogMessageController],
  // A factory: the constructor's optional rows (for specs) are not an injection token.
  providers: [{ provide: SaasCatalog, useFactory: () => new SaasCatalog() }, CustomCatalogRepository, CatalogLoader],
  exports: [SaasCatalog, CustomCatalogRepository, CatalogLoader],
})
export class CatalogModule {}
