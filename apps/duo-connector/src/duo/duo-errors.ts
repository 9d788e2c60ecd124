import { AppError } from '@seatwise/shared/errors/app-error';
import type { ErrorCode } from '@seatwise/shared/errors/error-catalog';
import { OutboundError, type OutboundErrorCode } from '@seatwise/platform/outbound/outbound-error';

// The catalog's Duo codes (CONNECTOR.DUO_*): the ones a failed Duo call can carry.
export type DuoErrorCode = Extract<ErrorCode, `CONNECTOR.DUO_${string}`>;

// Transient by nature: a later identical request can succeed.
const RETRYABLE: ReadonlySet<DuoErrorCode> = new Set<DuoErrorCode>([
  'CONNECTOR.DUO_RATE_LIMITED',
  'CONNECTOR.DUO_UNAVAILABLE',
  'CONNECTOR.DUO_MALFORMED_RESPONSE',
]);

export interface DuoErrorInit {
  code: DuoErrorCode;
  httpStatus: number | null;
  duoCode: number | null;
  duoMessage: string | null;
  detail: string | null;
  cause?: unknown;
}

/**
 * A failed Duo call. Built only from the response (status, Duo's code/message/detail) or a local description,
 * never from the request, so neither the secret key nor the Authorization header can leak into it.
 */
export class DuoApiError extends AppError {
  override readonly code: DuoErrorCode;
  readonly httpStatus: number | null;
  readonly duoCode: number | null;
  readonly duoMessage: string | null;
  readonly detail: string | null;
  readonly retryable: boolean;

  constructor(init: DuoErrorInit) {
    super(init.code, describe(init), undefined, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DuoApiError';
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.duoCode = init.duoCode;
    this.duoMessage = init.duoMessage;
    this.detail = init.detail;
    this.retryable = RETRYABLE.has(init.code);
  }

  /** A Duo failure (`stat: FAIL` body, or a non-2xx status with no usable body). */
  static fromFailure(
    httpStatus: number,
    duoCode: number | null,
    duoMessage: string | null,
    detail: string | null,
  ): DuoApiError {
    return new DuoApiError({ code: classify(httpStatus, duoCode), httpStatus, duoCode, duoMessage, detail });
  }

  static malformed(httpStatus: number | null, detail: string, cause?: unknown): DuoApiError {
    return new DuoApiError({
      code: 'CONNECTOR.DUO_MALFORMED_RESPONSE',
      httpStatus,
      duoCode: null,
      duoMessage: null,
      detail,
      cause,
    });
  }

  static network(detail: string, cause?: unknown): DuoApiError {
    return new DuoApiError({
      code: 'CONNECTOR.DUO_UNAVAILABLE',
      httpStatus: null,
      duoCode: null,
      duoMessage: null,
      detail,
      cause,
    });
  }
}

export interface DuoFailure {
  code: DuoErrorCode | OutboundErrorCode;
  message: string;
  duoCode: number | null;
}

// What is recorded of a failed call to Duo: the client's coded error, or, for anything else that failed
// on the way, Duo unavailable with that failure's message.
export function describeDuoFailure(error: unknown): DuoFailure {
  if (error instanceof DuoApiError) return { code: error.code, message: error.message, duoCode: error.duoCode };
  // The outbound policy's codes (an oversized answer, a refused redirect) are kept: they say what went wrong.
  if (error instanceof OutboundError) {
    return { code: error.code, message: error.message, duoCode: null };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'CONNECTOR.DUO_UNAVAILABLE', message, duoCode: null };
}

/**
 * Duo's code starts with the HTTP status (40103 → 401), so the code wins when present; the status decides when
 * the body carried none (e.g. a proxy's HTML 502). Unknown 4xx (405 wrong verb…) are our request's fault.
 */
export function classify(httpStatus: number, duoCode: number | null): DuoErrorCode {
  const family = duoCode !== null && duoCode >= 10000 ? Math.floor(duoCode / 100) : httpStatus;
  if (family === 429 || httpStatus === 429) return 'CONNECTOR.DUO_RATE_LIMITED';
  if (family >= 500 || httpStatus >= 500) return 'CONNECTOR.DUO_UNAVAILABLE';
  if (family === 401) return 'CONNECTOR.DUO_UNAUTHORIZED';
  if (family === 403) return 'CONNECTOR.DUO_FORBIDDEN';
  if (family === 404) return 'CONNECTOR.DUO_NOT_FOUND';
  if (family >= 400 && family < 500) return 'CONNECTOR.DUO_BAD_REQUEST';
  // A failure envelope with a 2xx/3xx status and no usable code: nothing we can act on but retrying.
  return 'CONNECTOR.DUO_MALFORMED_RESPONSE';
}

function describe(init: DuoErrorInit): string {
  const detail = init.detail === null ? '' : ` (${init.detail})`;
  if (init.duoCode !== null) return `Duo ${init.duoCode}: ${init.duoMessage ?? 'no message'}${detail}`;
  if (init.httpStatus !== null) return `Duo HTTP ${init.httpStatus}: ${init.duoMessage ?? label(init.code)}${detail}`;
  return `Duo ${label(init.code)}${detail}`;
}

function label(code: DuoErrorCode): string {
  switch (code) {
    case 'CONNECTOR.DUO_UNAUTHORIZED':
      return 'unauthorized';
    case 'CONNECTOR.DUO_FORBIDDEN':
      return 'forbidden';
    case 'CONNECTOR.DUO_BAD_REQUEST':
      return 'bad request';
    case 'CONNECTOR.DUO_NOT_FOUND':
      return 'not found';
    case 'CONNECTOR.DUO_RATE_LIMITED':
      return 'rate limited';
    case 'CONNECTOR.DUO_UNAVAILABLE':
      return 'unavailable';
    case 'CONNECTOR.DUO_MALFORMED_RESPONSE':
      return 'malformed response';
  }
}
