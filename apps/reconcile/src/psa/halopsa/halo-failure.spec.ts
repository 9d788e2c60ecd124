import { failureOf, haloErrorBody, isTransient, malformed } from './halo-failure';
import { AppError } from '@seatwise/shared/errors/app-error';

const codeOf = (status: number, body = '', token = false) => {
  const outcome = failureOf(status, 'GET /api/Client', body, null, token);
  return outcome.ok ? null : [outcome.error.code, outcome.retryable];
};

describe('failureOf', () => {
  it.each([
    [500, 'RECONCILE.PSA_UPSTREAM_FAILED', true],
    [503, 'RECONCILE.PSA_UPSTREAM_FAILED', true],
    [429, 'RECONCILE.PSA_UPSTREAM_FAILED', true],
    [401, 'RECONCILE.PSA_CREDENTIALS_INVALID', false],
    [403, 'RECONCILE.PSA_CREDENTIALS_INVALID', false],
    [404, 'RECONCILE.PSA_RECORD_NOT_FOUND', false],
    [400, 'RECONCILE.PSA_REQUEST_INVALID', false],
    [409, 'RECONCILE.PSA_REQUEST_INVALID', false],
  ])('maps %i to %s (retryable %s)', (status, code, retryable) => {
    expect(codeOf(status)).toEqual([code, retryable]);
  });

  it('treats an OAuth refusal from the token endpoint as refused credentials, not elsewhere', () => {
    const body = JSON.stringify({ error: 'invalid_client', error_description: 'no' });
    expect(codeOf(400, body, true)).toEqual(['RECONCILE.PSA_CREDENTIALS_INVALID', false]);
    expect(codeOf(400, JSON.stringify({ error: 'invalid_request' }), true)).toEqual([
      'RECONCILE.PSA_REQUEST_INVALID',
      false,
    ]);
    expect(codeOf(400, body, false)).toEqual(['RECONCILE.PSA_REQUEST_INVALID', false]);
  });

  it('honours Retry-After seconds on a 429', () => {
    expect(failureOf(429, 'GET /x', '', '3')).toMatchObject({ retryAfterMs: 3000 });
    expect(failureOf(429, 'GET /x', '', 'soon')).not.toHaveProperty('retryAfterMs');
  });

  it('quotes Halo error bodies and shortens anything else', () => {
    expect(haloErrorBody('{"error":"BadRequest","message":"bad qty"}').text).toBe(': BadRequest bad qty');
    expect(haloErrorBody('{"error":"invalid_client","error_description":"nope"}')).toEqual({
      text: ': invalid_client nope',
      oauthError: 'invalid_client',
    });
    expect(haloErrorBody('x'.repeat(500)).text).toHaveLength(202);
    expect(haloErrorBody('').text).toBe('');
  });
});

describe('isTransient', () => {
  it('is true for upstream failures and unavailability only', () => {
    expect(isTransient(malformed('x', 'y'))).toBe(true);
    expect(isTransient(new AppError('RECONCILE.PSA_UNAVAILABLE', 'down'))).toBe(true);
    expect(isTransient(new AppError('RECONCILE.PSA_REQUEST_INVALID', 'no'))).toBe(false);
    expect(isTransient(new Error('x'))).toBe(false);
  });
});
