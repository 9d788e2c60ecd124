import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { ReconciliationController } from './reconciliation.resource';

@Module({ imports: [UpstreamModule], controllers: [ReconciliationController] })
export class ReconciliationModule {}
