import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { SyncRunsController } from './sync-runs.resource';

@Module({ imports: [UpstreamModule], controllers: [SyncRunsController] })
export class SyncRunsModule {}
