import type { Logger } from '@seatwise/shared/logging/logger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { principalOf } from '../auth/principal';
import type { HttpMetrics } from '../metrics/http-metrics';

// One log line and one metrics sample per request, when it finishes. The line carries method, route
// template, path, status, duration and the key's id: never headers, query strings or bodies.
export function requestObserver(logger: Logger, metrics: HttpMetrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeTemplate(req);
      metrics.observe(req.method, route, res.statusCode, seconds);
      const level = res.statusCode >= 500 ? 'warn' : 'info';
      // Below the configured level the line is not built at all (the hot path of every request).
      if (!logger.isLevelEnabled(level)) return;
      const entry = {
        requestId,
        method: req.method,
        route,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(seconds * 1000),
        keyId: principalOf(req)?.keyId,
      };
      logger[level](entry, 'request');
    });
    next();
  };
}

// Express sets req.route to the matched route (typed any); anything unmatched shares one label.
function routeTemplate(req: Request): string {
  const route: unknown = (req as { route?: unknown }).route;
  if (typeof route !== 'object' || route === null) return 'unmatched';
  const path: unknown = (route as { path?: unknown }).path;
  return typeof path === 'string' ? path : 'unmatched';
}
