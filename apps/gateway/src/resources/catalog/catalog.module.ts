import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { CatalogController } from './catalog.resource';

@Module({ imports: [UpstreamModule], controllers: [CatalogController] })
export class CatalogModule {}
