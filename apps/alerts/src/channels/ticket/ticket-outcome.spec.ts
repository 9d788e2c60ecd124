import { DELIVERY_CODES } from '@seatwise/shared/contracts/alerts-channels';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { ErrorCode } from '@seatwise/shared/errors/error-catalog';
import { ticketFailureOutcome } from './ticket-outcome';

describe('ticket failure classification', () => {
  it.each<[ErrorCode, boolean]>([
    ['RECONCILE.TICKET_ACCOUNT_NOT_MAPPED', false],
    ['RECONCILE.TICKET_BOARD_NOT_FOUND', false],
    ['RECONCILE.TICKET_BOARD_UNUSABLE', false],
    ['RECONCILE.TICKETS_UNSUPPORTED', false],
    ['RECONCILE.PSA_CREDENTIALS_INVALID', false],
    ['COMMON.VALIDATION_FAILED', false],
    ['RECONCILE.TICKET_IN_PROGRESS', true],
    ['RECONCILE.PSA_UNAVAILABLE', true],
    ['RECONCILE.PSA_UPSTREAM_FAILED', true],
    ['COMMON.UPSTREAM_UNAVAILABLE', true],
    ['COMMON.TIMEOUT', true],
  ])('%s → retryable %s', (code, retryable) => {
    expect(ticketFailureOutcome(new AppError(code, 'why'))).toEqual({
      ok: false,
      retryable,
      code: retryable ? DELIVERY_CODES.TICKET_UNAVAILABLE : DELIVERY_CODES.TICKET_REFUSED,
      detail: `${code}: why`,
    });
  });

  it('treats an uncoded failure as passing', () => {
    expect(ticketFailureOutcome(new Error('socket closed'))).toMatchObject({
      retryable: true,
      detail: 'socket closed',
    });
  });
});
