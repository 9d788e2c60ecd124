import helmet from 'helmet';
import type { RequestHandler } from 'express';

// helmet's defaults, with a CSP the web console (a Vite + React + Mantine build: module scripts from
// /assets, Mantine's inline <style> tags, data: fonts and images, fetch and SSE to this origin) and the
// Swagger UI page both run under. The API itself answers JSON/CSV, to which the CSP is harmless.
// upgrade-insecure-requests is left out: on a plain-HTTP deployment (the local stack, the demo) it
// would send the console's own assets to an HTTPS port that does not exist.
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
}
