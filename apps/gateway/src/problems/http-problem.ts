import { AppError } from '@seatwise/shared/errors/app-error';
import type { FieldIssue } from '@seatwise/shared/errors/field-issue';

// An AppError that also sets a response header (Retry-After on 429/503).
export class HttpProblemError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    fields?: FieldIssue[],
  ) {
    super(code, message, fields);
    this.name = 'HttpProblemError';
  }
}
