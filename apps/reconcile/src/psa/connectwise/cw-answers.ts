import { AppError } from '@seatwise/shared/errors/app-error';
import { formatIssues } from '@seatwise/shared/validation/zod-issues';
import type { z } from 'zod';

// How the ConnectWise adapters read answers and failures: one place for the adapter and the ticket port.

// Failures after which a write may or may not have taken effect: read again, then decide.
export function isTransient(error: unknown): boolean {
  return (
    error instanceof AppError &&
    (error.code === 'RECONCILE.PSA_UPSTREAM_FAILED' || error.code === 'RECONCILE.PSA_UNAVAILABLE')
  );
}

export function validated<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw malformed(what, formatIssues(parsed.error));
  return parsed.data;
}

export function malformed(what: string, why: string): AppError {
  return new AppError('RECONCILE.PSA_UPSTREAM_FAILED', `ConnectWise sent a malformed ${what}: ${why}`);
}
