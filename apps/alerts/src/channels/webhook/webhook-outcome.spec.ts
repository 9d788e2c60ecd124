import { OutboundError } from '@seatwise/platform/outbound/outbound-error';
import { DELIVERY_CODES } from '@seatwise/shared/contracts/alerts-channels';
import { callFailureOutcome, statusOutcome } from './webhook-outcome';

describe('webhook outcome classification', () => {
  it.each([200, 201, 202, 204, 299])('HTTP %i is delivered', (status) => {
    expect(statusOutcome(status)).toEqual({ ok: true, detail: `HTTP ${status}` });
  });

  it.each([
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [599, true],
    [301, false],
    [302, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [410, false],
    [413, false],
    [422, false],
  ])('HTTP %i → retryable %s', (status, retryable) => {
    expect(statusOutcome(status)).toEqual({
      ok: false,
      retryable,
      code: DELIVERY_CODES.WEBHOOK_STATUS,
      detail: `HTTP ${status}`,
    });
  });

  it('a policy refusal is final; a timeout or an unreachable host is retried', () => {
    expect(callFailureOutcome(OutboundError.refused('webhook', 'blocked-address', 'private range'))).toMatchObject({
      ok: false,
      retryable: false,
      code: DELIVERY_CODES.WEBHOOK_REFUSED,
    });
    expect(callFailureOutcome(OutboundError.timeout('webhook', 500))).toMatchObject({
      retryable: true,
      code: DELIVERY_CODES.WEBHOOK_TIMEOUT,
    });
    expect(callFailureOutcome(OutboundError.unreachable('webhook', 'ECONNREFUSED'))).toMatchObject({
      retryable: true,
      code: DELIVERY_CODES.WEBHOOK_NETWORK,
    });
    expect(callFailureOutcome(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toEqual({
      ok: false,
      retryable: true,
      code: DELIVERY_CODES.WEBHOOK_NETWORK,
      detail: 'no answer (ECONNRESET)',
    });
  });
});
