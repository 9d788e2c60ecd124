import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { ServicesController } from './services.resource';

@Module({ imports: [UpstreamModule], controllers: [ServicesController] })
export class ServicesModule {}
