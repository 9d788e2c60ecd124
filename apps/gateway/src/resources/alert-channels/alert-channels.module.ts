import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { AlertChannelsController } from './alert-channels.resource';

@Module({ imports: [UpstreamModule], controllers: [AlertChannelsController] })
export class AlertChannelsModule {}
