import { Controller, Header } from '@nestjs/common';
import { z } from 'zod';
import { ApiRoute } from '../routing/route.decorator';
import { defineRoute } from '../routing/route-definition';
import { HttpMetrics } from './http-metrics';

export const metricsRoutes = {
  scrape: defineRoute({
    method: 'GET',
    path: '/metrics',
    tag: 'Operations',
    summary: 'Prometheus metrics: request rate and latency by route template and status',
    response: z.string(),
    produces: 'text/plain',
  }),
};

@Controller()
export class MetricsController {
  constructor(private readonly metrics: HttpMetrics) {}

  @ApiRoute(metricsRoutes.scrape)
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): string {
    return this.metrics.render();
  }
}
