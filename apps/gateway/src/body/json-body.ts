import { AppError } from '@seatwise/shared/errors/app-error';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

interface ParserError {
  type?: unknown;
  status?: unknown;
}

// JSON bodies only, up to the configured size. Paths in large.paths take the larger limit (bulk imports). Run by
// the body guard, after authentication: a request nobody vouched for is refused before its body is read.
export function jsonBodyParser(
  limitBytes: number,
  large: { paths: readonly string[]; limitBytes: number },
): RequestHandler {
  const normal = express.json({ limit: limitBytes, strict: true, type: () => true });
  const bulk = express.json({ limit: large.limitBytes, strict: true, type: () => true });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req)) {
      next();
      return;
    }
    if (!req.is('application/json') && !req.is('application/*+json')) {
      next(new AppError('HTTP.UNSUPPORTED_MEDIA_TYPE', 'Send request bodies as application/json'));
      return;
    }
    const isBulk = large.paths.includes(req.path);
    (isBulk ? bulk : normal)(req, res, (error?: unknown) => {
      next(error === undefined ? undefined : toAppError(error as ParserError, isBulk ? large.limitBytes : limitBytes));
    });
  };
}

// Nest adds its own JSON and urlencoded parsers unless middleware of these names is installed: these two read
// nothing, so no body is parsed before the guards (form bodies, qs objects, never reach a handler at all).
export function nestParserStandIns(): RequestHandler[] {
  const jsonParser: RequestHandler = (_req, _res, next) => {
    next();
  };
  const urlencodedParser: RequestHandler = (_req, _res, next) => {
    next();
  };
  return [jsonParser, urlencodedParser];
}

// A request that declares a body (a length above 0, or chunked).
export function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}

function toAppError(error: ParserError, limitBytes: number): AppError {
  switch (error.type) {
    case 'entity.too.large':
      return new AppError('HTTP.PAYLOAD_TOO_LARGE', `Request bodies are limited to ${limitBytes} bytes`);
    case 'entity.parse.failed':
      return new AppError('HTTP.MALFORMED_JSON', 'The request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('HTTP.UNSUPPORTED_MEDIA_TYPE', 'Send request bodies as UTF-8 JSON');
    default:
      // The bytes could not be read as a body at all: a body declared gzip or deflate that does not
      // inflate, or one cut short of its Content-Length.
      return new AppError('HTTP.BAD_REQUEST', 'The request body could not be read');
  }
}
