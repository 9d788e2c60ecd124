// ConnectWise's failure envelope: {"code":"NotFound","message":"…"} plus, for validation failures,
// "errors":[{"code","message","resource","field"}] under code "InvalidObject" (as CW reports e.g. a ticket's bad
// status). Only that InvalidObject shape and "NotFound" are attested in the fact sheet's sources; the other code
// strings are the simulator's choice.

export interface FieldError {
  code: string;
  message: string;
  resource: string;
  field: string;
}

export class CwError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  static badRequest(message: string): CwError {
    return new CwError(400, 'BadRequest', message);
  }

  static invalidObject(resource: string, errors: FieldError[]): CwError {
    return new CwError(400, 'InvalidObject', `${resource} object is invalid`, errors);
  }

  static unauthorized(message: string): CwError {
    return new CwError(401, 'Unauthorized', message);
  }

  static notFound(message: string): CwError {
    return new CwError(404, 'NotFound', message);
  }

  toBody(): Record<string, unknown> {
    return this.errors.length > 0
      ? { code: this.code, message: this.message, errors: this.errors }
      : { code: this.code, message: this.message };
  }
}

export const internalError = (): CwError => new CwError(500, 'InternalServerError', 'An error has occurred.');
export const unavailable = (): CwError =>
  new CwError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
export const tooManyRequests = (retryAfterSeconds: number): CwError =>
  new CwError(429, 'TooManyRequests', 'Too many requests. Retry after the period given in Retry-After.', [], {
    'Retry-After': String(retryAfterSeconds),
  });
