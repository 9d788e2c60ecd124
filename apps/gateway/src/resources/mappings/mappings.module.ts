import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { MappingsController } from './mappings.resource';

@Module({ imports: [UpstreamModule], controllers: [MappingsController] })
export class MappingsModule {}
