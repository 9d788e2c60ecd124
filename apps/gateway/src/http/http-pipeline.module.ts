import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { HttpPipeline } from './http-pipeline';

// The Express middleware in front of every route (see HttpPipeline for why it is a provider).
@Module({ imports: [MetricsModule], providers: [HttpPipeline] })
export class HttpPipelineModule {}
