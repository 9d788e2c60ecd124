import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { HttpMetrics } from '../metrics/http-metrics';
import { swaggerAssetsPath } from './swagger-assets';
import { apiNoStore } from './api-cache';
import { consoleDir, consoleIndex, serveConsole } from './console';
import { cors } from './cors';
import { nestParserStandIns } from '../body/json-body';
import { requestObserver } from './request-observer';
import { securityHeaders } from './security-headers';

// Express-level middleware, installed while Nest instantiates providers: that is before Nest adds its
// own body parsers in init(), which it then skips because our stand-ins carry their names. Errors raised here
// reach the global ProblemFilter through Nest's error handler.
@Injectable()
export class HttpPipeline {
  constructor(host: HttpAdapterHost, metrics: HttpMetrics, @Inject(APP_ENV) env: Env, @Inject(LOGGER) logger: Logger) {
    const app = host.httpAdapter.getInstance<Express>();
    app.disable('x-powered-by');
    // Plain key=value pairs only: no qs objects (accountId[$ne]=x stays a literal, unknown key).
    app.set('query parser', 'simple');
    // req.secure and req.ip from X-Forwarded-* only when told a proxy is in front (else anyone could claim them).
    app.set('trust proxy', env.GATEWAY_TRUST_PROXY);
    // No ETags: API answers are never stored (apiNoStore); static files (docs, console) carry their own.
    app.set('etag', false);
    app.use(requestObserver(logger.child({ component: 'http' }), metrics));
    app.use(securityHeaders());
    app.use(cors(env.GATEWAY_CORS_ORIGINS));
    app.use('/api/docs', express.static(swaggerAssetsPath(), { index: false, fallthrough: true, maxAge: '1h' }));
    const consoleRoot = consoleDir(env.GATEWAY_CONSOLE_DIR);
    app.use(...serveConsole(consoleRoot));
    app.use('/api', apiNoStore());
    if (existsSync(consoleIndex(consoleRoot))) logger.info({ dir: consoleRoot }, 'serving the web console at /');
    else logger.warn({ dir: consoleRoot }, 'the web console is not built (npm run build): / answers 404');
    // Bodies are parsed by the body guard, after authentication (see BodyGuard).
    app.use(...nestParserStandIns());
  }
}
