// HaloPSA's failure answers (the fact sheet is silent on their shape; these are the simulator's choice):
// - the token endpoint answers as OAuth 2.0 servers do (RFC 6749 §5.2): {"error": "invalid_client",
//   "error_description": "…"};
// - the resource server answers {"error": "BadRequest", "message": "…"} plus "details": [{"field", "message"}] for
//   validation failures; a missing, unknown or expired token is 401 with `WWW-Authenticate: Bearer
//   error="invalid_token"`.

export interface HaloFieldError {
  field: string;
  message: string;
}

export class HaloError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body['message'] === 'string' ? body['message'] : String(body['error']));
  }

  static oauth(status: 400 | 401, error: string, description: string): HaloError {
    return new HaloError(status, { error, error_description: description });
  }

  static api(status: number, error: string, message: string, details: HaloFieldError[] = []): HaloError {
    return new HaloError(status, details.length > 0 ? { error, message, details } : { error, message });
  }

  static badRequest(message: string, details: HaloFieldError[] = []): HaloError {
    return HaloError.api(400, 'BadRequest', message, details);
  }

  static notFound(message: string): HaloError {
    return HaloError.api(404, 'NotFound', message);
  }

  static invalidToken(message: string): HaloError {
    return new HaloError(
      401,
      { error: 'invalid_token', message },
      { 'WWW-Authenticate': `Bearer error="invalid_token"` },
    );
  }

  static tooManyRequests(retryAfterSeconds: number): HaloError {
    return new HaloError(
      429,
      { error: 'TooManyRequests', message: 'Too many requests. Retry after the period given in Retry-After.' },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}

export const haloInternalError = (): HaloError => HaloError.api(500, 'InternalServerError', 'An error has occurred.');
export const haloUnavailable = (): HaloError =>
  HaloError.api(503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
