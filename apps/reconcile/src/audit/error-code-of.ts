import { AppError } from '@seatwise/shared/errors/app-error';

// The catalog code an audit entry records for a refused attempt; anything else is recorded as unexpected (its
// message may carry upstream text, so it is not written to the audit log).
export function errorCodeOf(error: unknown): string {
  return error instanceof AppError ? error.code : 'COMMON.INTERNAL';
}
