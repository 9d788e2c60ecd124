import { HttpMetrics } from './http-metrics';

describe('HttpMetrics', () => {
  it('counts the requests of one method, route and status in one series, and each other status apart', () => {
    const metrics = new HttpMetrics();
    metrics.observe('GET', '/api/v1/services', 200, 0.004);
    metrics.observe('GET', '/api/v1/services', 200, 0.02);
    metrics.observe('GET', '/api/v1/services', 404, 0.001);
    metrics.observe('POST', '/api/v1/services', 200, 0.001);
    const text = metrics.render();
    expect(text).toContain(
      'seatwise_gateway_http_requests_total{method="GET",route="/api/v1/services",status="200"} 2',
    );
    expect(text).toContain(
      'seatwise_gateway_http_requests_total{method="GET",route="/api/v1/services",status="404"} 1',
    );
    expect(text).toContain(
      'seatwise_gateway_http_requests_total{method="POST",route="/api/v1/services",status="200"} 1',
    );
    expect(text).toContain(
      'seatwise_gateway_http_request_duration_seconds_bucket{method="GET",route="/api/v1/services",status="200",le="0.005"} 1',
    );
    expect(text).toContain(
      'seatwise_gateway_http_request_duration_seconds_count{method="GET",route="/api/v1/services",status="200"} 2',
    );
  });
});
