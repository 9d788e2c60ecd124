import { OutboundError } from '@seatwise/platform/outbound/outbound-error';
import { DELIVERY_CODES } from '@seatwise/shared/contracts/alerts-channels';
import type { DeliveryOutcome } from '../channel-sender';

// A receiver's answer: 2xx delivered; 408 (timeout), 429 (slow down) and 5xx are passing, worth retrying; any other
// status (3xx included: redirects are never followed, 4xx: the receiver refuses this request) will be answered the
// same way again.
export function statusOutcome(status: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return { ok: true, detail: `HTTP ${status}` };
  const retryable = status === 408 || status === 429 || status >= 500;
  return { ok: false, retryable, code: DELIVERY_CODES.WEBHOOK_STATUS, detail: `HTTP ${status}` };
}

// A call that got no status: refused by the outbound policy (never retried: the URL or the policy must change), out
// of time, or no connection (both retried). Details name the rule or the error code, never an address.
export function callFailureOutcome(error: unknown): DeliveryOutcome {
  if (error instanceof OutboundError) {
    if (error.code === 'OUTBOUND.REFUSED') {
      return { ok: false, retryable: false, code: DELIVERY_CODES.WEBHOOK_REFUSED, detail: error.message };
    }
    if (error.code === 'OUTBOUND.TIMEOUT') {
      return { ok: false, retryable: true, code: DELIVERY_CODES.WEBHOOK_TIMEOUT, detail: error.message };
    }
    return { ok: false, retryable: true, code: DELIVERY_CODES.WEBHOOK_NETWORK, detail: error.message };
  }
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : 'ERROR';
  return { ok: false, retryable: true, code: DELIVERY_CODES.WEBHOOK_NETWORK, detail: `no answer (${code})` };
}
