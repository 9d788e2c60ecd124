import { Module } from '@nestjs/common';
import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';

// The gateway's own metrics (requests, SSE clients) and their Prometheus scrape route.
@Module({ providers: [HttpMetrics], controllers: [MetricsController], exports: [HttpMetrics] })
export class MetricsModule {}
