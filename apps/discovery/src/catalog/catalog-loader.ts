import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CustomCatalogRepository } from './custom-catalog.repository';
import { SaasCatalog } from './saas-catalog';

// Loads the custom products into the catalog: at start, and after every change made through this process.
// (Another replica's changes reach this one at its next start, as the README says.)
@Injectable()
export class CatalogLoader implements OnModuleInit {
  constructor(
    private readonly catalog: SaasCatalog,
    private readonly custom: CustomCatalogRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    const [products, revision] = await Promise.all([this.custom.all(), this.custom.revision()]);
    this.catalog.useCustom(products, revision);
  }
}
