import { Module } from '@nestjs/common';
import { ConnectorMetrics } from './connector-metrics';
import { MetricsController } from './metrics.controller';

// One registry for the whole app, shared by the Duo clients and the sync jobs, scraped at /metrics.
@Module({
  controllers: [MetricsController],
  providers: [ConnectorMetrics],
  exports: [ConnectorMetrics],
})
export class MetricsModule {}
