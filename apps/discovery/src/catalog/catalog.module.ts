import { Module } from '@nestjs/common';
import { CatalogMessageController } from './catalog.message-controller';
import { SaasCatalog } from './saas-catalog';

// The built-in SaaS catalog: searched by people, matched against discovered names by ingest and curation.
@Module({
  controllers: [CatalogMessageController],
  // A factory: the constructor's optional rows (for specs) are not an injection token.
  providers: [{ provide: SaasCatalog, useFactory: () => new SaasCatalog() }],
  exports: [SaasCatalog],
})
export class CatalogModule {}
