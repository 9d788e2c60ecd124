import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { IntegrationsController } from './integrations.resource';

@Module({ imports: [UpstreamModule], controllers: [IntegrationsController] })
export class IntegrationsModule {}
