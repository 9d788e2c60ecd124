import { DELIVERY_CODES } from '@seatwise/shared/contracts/alerts-channels';
import { AppError } from '@seatwise/shared/errors/app-error';
import { errorSpec } from '@seatwise/shared/errors/error-catalog';
import type { DeliveryOutcome } from '../channel-sender';

// Reconcile's coded errors carry their HTTP status in the catalog: a 4xx is the request's or the configuration's
// fault (account not mapped, board unknown or inactive, PSA refusing the credentials), which a retry cannot fix;
// 5xx and the transport's own failures (no responder, timeout) are passing. TICKET_IN_PROGRESS is a 409 but means
// another attempt with this key is still filing: retrying answers its ticket.
export function ticketFailureOutcome(error: unknown): DeliveryOutcome {
  if (!(error instanceof AppError)) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, retryable: true, code: DELIVERY_CODES.TICKET_UNAVAILABLE, detail };
  }
  const detail = `${error.code}: ${error.message}`.slice(0, 500);
  const status = errorSpec(error.code).status;
  if (error.code === 'RECONCILE.TICKET_IN_PROGRESS' || status >= 500) {
    return { ok: false, retryable: true, code: DELIVERY_CODES.TICKET_UNAVAILABLE, detail };
  }
  return { ok: false, retryable: false, code: DELIVERY_CODES.TICKET_REFUSED, detail };
}
