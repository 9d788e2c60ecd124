import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { AlertsController } from './alerts.resource';

@Module({ imports: [UpstreamModule], controllers: [AlertsController] })
export class AlertsModule {}
