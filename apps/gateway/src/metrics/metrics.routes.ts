import { z } from 'zod';
import { defineRoute } from '../routing/route-definition';

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
