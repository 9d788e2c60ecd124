import helmet from 'helmet';
import type { RequestHandler } from 'express';

// helmet's defaults, with a CSP the Swagger UI page (same-origin scripts, inline styles, data: images)
// works under. The API itself answers JSON/CSV, to which the CSP is harmless.
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
}
