import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from './prom-text';

// Request rate and latency by route template (never the raw path: ids would explode the series) and status.
@Injectable()
export class HttpMetrics {
  readonly requests = new Counter(
    'seatwise_gateway_http_requests_total',
    'HTTP requests by method, route template and status',
  );
  readonly duration = new Histogram(
    'seatwise_gateway_http_request_duration_seconds',
    'HTTP request latency by method, route template and status',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  );
  readonly sseClients = new Counter('seatwise_gateway_sse_connections_total', 'Server-Sent Events connections opened');
  readonly sseOpen = new Gauge('seatwise_gateway_sse_open_connections', 'Server-Sent Events connections open now');

  // One labels object per series (routes are templates, so they are few): see prom-text's keyOf.
  private readonly labelSets = new Map<string, Readonly<Record<string, string>>>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const id = `${method} ${String(status)} ${route}`;
    let labels = this.labelSets.get(id);
    if (!labels) this.labelSets.set(id, (labels = { method, route, status: String(status) }));
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }

  render(): string {
    return (
      [this.requests.render(), this.duration.render(), this.sseClients.render(), this.sseOpen.render()].join('\n') +
      '\n'
    );
  }
}
