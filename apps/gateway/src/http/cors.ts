import { CSRF_HEADER } from '@seatwise/shared/contracts/gateway-api';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const ALLOWED_HEADERS = `Authorization, Content-Type, Accept, ${CSRF_HEADER}`;
const EXPOSED_HEADERS = 'Retry-After, X-Total-Rows, X-Truncated, X-Next-Cursor, X-Request-Id';
const METHODS = 'GET, POST, PATCH, PUT, DELETE';

// CORS for the browser UIs in the allow-list ("*" allows any origin). Credentials are never allowed:
// the session cookie belongs to the console served from this same origin, and another origin's page
// must not ride on it (it calls with a Bearer key). A preflight from an origin not on the list is refused.
export function cors(allowed: readonly string[]): RequestHandler {
  const any = allowed.includes('*');
  const origins = new Set(allowed);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin === undefined) {
      next();
      return;
    }
    const ok = any || origins.has(origin);
    res.vary('Origin');
    if (ok) {
      res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) {
      next();
      return;
    }
    if (!ok) {
      next(new AppError('HTTP.CORS_REJECTED', 'This origin may not call the API'));
      return;
    }
    res.setHeader('Access-Control-Allow-Methods', METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
