import { AppError } from '@seatwise/shared/errors/app-error';
import type { ErrorCode } from '@seatwise/shared/errors/error-catalog';

// An AppError that also sets a response header (WWW-Authenticate on 401, Retry-After on 429).
export class HttpProblemError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>>,
  ) {
    super(code, message);
    this.name = 'HttpProblemError';
  }
}
