import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import type { Request, RequestHandler, Response } from 'express';
import { IMPORT_PATH } from '../resources/psa/psa.resource';
import { hasBody, jsonBodyParser } from './json-body';

// Reads and parses the JSON body, as the last guard: only once the caller is authenticated, within its rate limit
// and allowed the route does the gateway spend memory and time on what it sent (a request without a key is
// answered 401 without its body being read).
@Injectable()
export class BodyGuard implements CanActivate {
  private readonly parse: RequestHandler;

  constructor(@Inject(APP_ENV) env: Env) {
    this.parse = jsonBodyParser(env.GATEWAY_BODY_LIMIT_BYTES, {
      paths: [IMPORT_PATH],
      limitBytes: env.GATEWAY_IMPORT_BODY_LIMIT_BYTES,
    });
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    // Nothing to read (most requests): answered at once, without a promise for Nest to wait on.
    if (!hasBody(req)) return true;
    const res = http.getResponse<Response>();
    return new Promise((resolve, reject) => {
      this.parse(req, res, (error?: unknown) => {
        if (error === undefined) resolve(true);
        // The parser hands on an AppError (see jsonBodyParser); anything else is unexpected.
        else reject(error instanceof Error ? error : new Error('the body parser failed without an error'));
      });
    });
  }
}
