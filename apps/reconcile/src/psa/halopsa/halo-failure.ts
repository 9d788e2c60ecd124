import { AppError } from '@seatwise/shared/errors/app-error';

export type Outcome =
  | { ok: true; json: unknown }
  | { ok: false; retryable: boolean; error: AppError; retryAfterMs?: number; status?: number };

// OAuth errors (RFC 6749 §5.2) that mean the client credentials (or the tenant) are not accepted.
const REFUSED = new Set(['invalid_client', 'invalid_grant', 'unauthorized_client', 'invalid_scope']);

interface ErrorBody {
  text: string;
  oauthError: string | null;
}

// Halo's error text: OAuth {error, error_description} or API {error, message}; anything else is quoted, shortened.
export function haloErrorBody(raw: string): ErrorBody {
  try {
    const body = JSON.parse(raw) as unknown;
    if (typeof body === 'object' && body !== null) {
      const b = body as Record<string, unknown>;
      const parts = [b['error'], b['error_description'] ?? b['message']].filter((v) => typeof v === 'string');
      const oauthError = typeof b['error'] === 'string' ? b['error'] : null;
      if (parts.length > 0) return { text: `: ${parts.join(' ')}`, oauthError };
    }
  } catch {
    // not JSON: quoted below
  }
  return { text: raw === '' ? '' : `: ${raw.slice(0, 200)}`, oauthError: null };
}

function retryAfterOf(header: string | null): number | undefined {
  const seconds = Number(header ?? '');
  return header !== null && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

// A non-2xx answer as an outcome: 429 and 5xx retryable (429 with its Retry-After), 401/403 (and, from the token
// endpoint, an OAuth refusal) refused credentials, 404 an unknown record, other 4xx an invalid request.
export function failureOf(
  status: number,
  where: string,
  raw: string,
  retryAfter: string | null,
  token = false,
): Outcome {
  const body = haloErrorBody(raw);
  const message = `HaloPSA answered ${where} with ${status}${body.text}`;
  const fail = (code: AppError['code'], retryable: boolean): Outcome => ({
    ok: false,
    retryable,
    status,
    error: new AppError(code, message),
  });
  if (status === 429) {
    const retryAfterMs = retryAfterOf(retryAfter);
    return { ...fail('RECONCILE.PSA_UPSTREAM_FAILED', true), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  if (status >= 500) return fail('RECONCILE.PSA_UPSTREAM_FAILED', true);
  if (status === 401 || status === 403) return fail('RECONCILE.PSA_CREDENTIALS_INVALID', false);
  if (token && status === 400 && body.oauthError !== null && REFUSED.has(body.oauthError)) {
    return fail('RECONCILE.PSA_CREDENTIALS_INVALID', false);
  }
  if (status === 404) return fail('RECONCILE.PSA_RECORD_NOT_FOUND', false);
  return fail('RECONCILE.PSA_REQUEST_INVALID', false);
}

export function malformed(what: string, why: string): AppError {
  return new AppError('RECONCILE.PSA_UPSTREAM_FAILED', `HaloPSA sent a malformed ${what}: ${why}`);
}

// Failures after which a write may or may not have taken effect: read again, then decide.
export function isTransient(error: unknown): boolean {
  return (
    error instanceof AppError &&
    (error.code === 'RECONCILE.PSA_UPSTREAM_FAILED' || error.code === 'RECONCILE.PSA_UNAVAILABLE')
  );
}
