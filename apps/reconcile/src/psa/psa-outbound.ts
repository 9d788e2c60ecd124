import { outboundFetch, type OutboundResponse } from '@seatwise/platform/outbound/outbound-fetch';
import { OutboundError } from '@seatwise/platform/outbound/outbound-error';
import type { OutboundPolicy } from '@seatwise/platform/outbound/outbound-policy';
import { AppError } from '@seatwise/shared/errors/app-error';
import { fencedTimeout } from './psa-write-fence';

// A PSA page (at most 1000 records) is a few MB at most; a larger answer is cut off rather than held in memory.
export const PSA_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface PsaRequest {
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

export type PsaExchange = { ok: true; response: OutboundResponse } | { ok: false; retryable: boolean; error: AppError };

/**
 * One HTTP exchange with a PSA under the outbound policy (PSA hosts only, pinned address, no redirects, bounded
 * answer). A refusal or an oversized answer is final and keeps its OUTBOUND code; a timeout or an unreachable host
 * is the PSA being unavailable, worth retrying. No message names an address.
 */
export async function psaExchange(
  policy: OutboundPolicy,
  psa: string,
  where: string,
  url: string | URL,
  request: PsaRequest,
  timeoutMs: number,
): Promise<PsaExchange> {
  // Within a push: not started once its lease may pass to another push, and never running past it.
  const timeout = fencedTimeout(timeoutMs, where);
  if (timeout instanceof AppError) return { ok: false, retryable: false, error: timeout };
  const init = {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  };
  try {
    return {
      ok: true,
      response: await outboundFetch(policy, 'psa', url, init, { timeoutMs: timeout, maxBytes: PSA_MAX_RESPONSE_BYTES }),
    };
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    if (!error.transient) return { ok: false, retryable: false, error };
    const unavailable = new AppError(
      'RECONCILE.PSA_UNAVAILABLE',
      `${psa} did not answer ${where}: ${error.message}`,
      undefined,
      {
        cause: error,
      },
    );
    return { ok: false, retryable: true, error: unavailable };
  }
}
