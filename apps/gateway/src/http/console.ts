import { AppError } from '@seatwise/shared/errors/app-error';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { join, resolve, sep } from 'node:path';

// Vite names every file under assets/ by its content hash: a changed file is a new URL.
const ASSET_CACHE = 'public, max-age=31536000, immutable';
// index.html (and other unhashed files) are revalidated on every load, so a new build shows at once.
const REVALIDATE = 'no-cache';
// Paths that are never the console's: the API, its docs, metrics and health keep their own answers.
const NOT_CONSOLE = /^\/(api|metrics|health)(\/|$)/;
// A missing build file must stay a 404, not turn into index.html (a stale tab asking for an old chunk).
const BUILD_FILES = /^\/assets\//;

// The built console: GATEWAY_CONSOLE_DIR, else apps/console/dist beside this app in the monorepo (or
// the image), found from this file's own place (src/http or dist/http) without importing the console.
export function consoleDir(configured: string | undefined): string {
  return configured ?? resolve(__dirname, '..', '..', '..', 'console', 'dist');
}

export function consoleIndex(dir: string): string {
  return join(dir, 'index.html');
}

// The console's files, then its single-page fallback: a page request (GET/HEAD accepting HTML, or /)
// outside the API answers index.html, so a reload of /integrations/x opens the app there.
export function serveConsole(dir: string): RequestHandler[] {
  const assets = join(dir, 'assets') + sep;
  const files = express.static(dir, {
    index: false,
    redirect: false,
    cacheControl: false,
    setHeaders: (res: Response, path: string) => {
      res.setHeader('Cache-Control', path.startsWith(assets) ? ASSET_CACHE : REVALIDATE);
    },
  });
  const staticFiles: RequestHandler = (req, res, next) => {
    if (NOT_CONSOLE.test(req.path)) next();
    else void files(req, res, next);
  };
  const index = consoleIndex(dir);
  const fallback: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (!isPageRequest(req)) {
      next();
      return;
    }
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(index, (error?: Error) => {
      if (error === undefined || res.headersSent) return;
      res.removeHeader('Cache-Control');
      next((error as { status?: unknown }).status === 404 ? notBuilt() : error);
    });
  };
  return [staticFiles, fallback];
}

function isPageRequest(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (NOT_CONSOLE.test(req.path) || BUILD_FILES.test(req.path)) return false;
  return req.path === '/' || req.accepts('html') === 'html';
}

function notBuilt(): AppError {
  return new AppError(
    'HTTP.ROUTE_NOT_FOUND',
    'The web console is not built: run `npm run build` (or point GATEWAY_CONSOLE_DIR at a built console). The API is under /api/v1.',
  );
}
