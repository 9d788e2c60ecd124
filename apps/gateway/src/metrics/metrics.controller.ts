import { Controller, Header } from '@nestjs/common';
import { ApiRoute } from '../routing/route.decorator';
import { HttpMetrics } from './http-metrics';
import { metricsRoutes } from './metrics.routes';

@Controller()
export class MetricsController {
  constructor(private readonly metrics: HttpMetrics) {}

  @ApiRoute(metricsRoutes.scrape)
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): string {
    return this.metrics.render();
  }
}
