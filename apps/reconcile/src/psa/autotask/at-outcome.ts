import { AppError } from '@seatwise/shared/errors/app-error';

// One attempt's result: the parsed JSON, or the error with whether it may be retried (and, for a 429, how long
// Autotask asks to wait).
export type Failure = { ok: false; retryable: boolean; error: AppError; retryAfterMs?: number; status?: number };
export type Outcome = { ok: true; json: unknown } | Failure;

export function parsed(text: string, where: string): Outcome {
  try {
    return { ok: true, json: text === '' ? null : (JSON.parse(text) as unknown) };
  } catch {
    return {
      ok: false,
      retryable: true,
      error: new AppError('RECONCILE.PSA_UPSTREAM_FAILED', `Autotask answered ${where} with malformed JSON`),
    };
  }
}

export function failure(status: number, where: string, text: string, retryAfter: string | null): Failure {
  const message = `Autotask answered ${where} with ${status}${errorText(text)}`;
  if (status === 429) {
    const seconds = Number(retryAfter ?? NaN);
    const retryAfterMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
    return {
      ok: false,
      retryable: true,
      status,
      error: new AppError('RECONCILE.PSA_UPSTREAM_FAILED', message),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  if (status >= 500) {
    return { ok: false, retryable: true, status, error: new AppError('RECONCILE.PSA_UPSTREAM_FAILED', message) };
  }
  const code =
    status === 401 || status === 403
      ? 'RECONCILE.PSA_CREDENTIALS_INVALID'
      : status === 404
        ? 'RECONCILE.PSA_RECORD_NOT_FOUND'
        : 'RECONCILE.PSA_REQUEST_INVALID';
  return { ok: false, retryable: false, status, error: new AppError(code, message) };
}

// Autotask's error envelope {"errors": ["…"]} (some answers hold objects with a message); anything else is quoted
// (shortened), never trusted.
function errorText(text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: unknown };
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      return `: ${body.errors.map(messageOf).join('; ').slice(0, 500)}`;
    }
  } catch {
    // not JSON: fall through
  }
  return text === '' ? '' : `: ${text.slice(0, 200)}`;
}

function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : JSON.stringify(error);
}
