import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { DiscoveryController } from './discovery.resource';

@Module({ imports: [UpstreamModule], controllers: [DiscoveryController] })
export class DiscoveryModule {}
