import { AppError } from '@seatwise/shared/errors/app-error';
import { classify, describeDuoFailure, DuoApiError } from './duo-errors';

describe('classify', () => {
  it.each([
    [401, 40101, 'CONNECTOR.DUO_UNAUTHORIZED'],
    [401, 40103, 'CONNECTOR.DUO_UNAUTHORIZED'],
    [401, 40105, 'CONNECTOR.DUO_UNAUTHORIZED'],
    [403, 40301, 'CONNECTOR.DUO_FORBIDDEN'],
    [400, 40002, 'CONNECTOR.DUO_BAD_REQUEST'],
    [405, 40501, 'CONNECTOR.DUO_BAD_REQUEST'],
    [404, 40401, 'CONNECTOR.DUO_NOT_FOUND'],
    [429, 42901, 'CONNECTOR.DUO_RATE_LIMITED'],
    [500, 50001, 'CONNECTOR.DUO_UNAVAILABLE'],
    [503, 50301, 'CONNECTOR.DUO_UNAVAILABLE'],
    // Duo's code wins over the status (a 200 carrying stat FAIL).
    [200, 40103, 'CONNECTOR.DUO_UNAUTHORIZED'],
    // No code: the status decides.
    [401, null, 'CONNECTOR.DUO_UNAUTHORIZED'],
    [429, null, 'CONNECTOR.DUO_RATE_LIMITED'],
    [502, null, 'CONNECTOR.DUO_UNAVAILABLE'],
    [418, null, 'CONNECTOR.DUO_BAD_REQUEST'],
    [302, null, 'CONNECTOR.DUO_MALFORMED_RESPONSE'],
    // A 5xx/429 status stays transient even if the body names a client code.
    [503, 40002, 'CONNECTOR.DUO_UNAVAILABLE'],
    [429, 40002, 'CONNECTOR.DUO_RATE_LIMITED'],
  ])('HTTP %p with Duo code %p → %s', (status, code, expected) => {
    expect(classify(status, code)).toBe(expected);
  });
});

describe('DuoApiError', () => {
  it('keeps Duo code, message and detail, and is an AppError', () => {
    const error = DuoApiError.fromFailure(401, 40103, 'Invalid signature in request credentials', null);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'CONNECTOR.DUO_UNAUTHORIZED',
      httpStatus: 401,
      duoCode: 40103,
      duoMessage: 'Invalid signature in request credentials',
      detail: null,
      retryable: false,
    });
    expect(error.message).toBe('Duo 40103: Invalid signature in request credentials');
    expect(error.toJSON()).toEqual({ code: 'CONNECTOR.DUO_UNAUTHORIZED', message: error.message });
  });

  it('appends message_detail', () => {
    const error = DuoApiError.fromFailure(
      400,
      40002,
      'Invalid request parameters',
      'mintime must be within the past 180 days',
    );
    expect(error.message).toBe('Duo 40002: Invalid request parameters (mintime must be within the past 180 days)');
    expect(error.retryable).toBe(false);
  });

  it.each([
    [DuoApiError.fromFailure(429, 42901, 'Too Many Requests', null), true, 'Duo 42901: Too Many Requests'],
    [
      DuoApiError.fromFailure(502, null, null, 'body is not JSON'),
      true,
      'Duo HTTP 502: unavailable (body is not JSON)',
    ],
    [
      DuoApiError.network('no complete response within 50 ms'),
      true,
      'Duo unavailable (no complete response within 50 ms)',
    ],
    [DuoApiError.malformed(200, 'body is not JSON'), true, 'Duo HTTP 200: malformed response (body is not JSON)'],
    [DuoApiError.fromFailure(403, 40301, 'Access forbidden', null), false, 'Duo 40301: Access forbidden'],
    [
      DuoApiError.fromFailure(404, 40401, 'Resource not found', 'user_id'),
      false,
      'Duo 40401: Resource not found (user_id)',
    ],
  ])('retryable and message: %#', (error, retryable, message) => {
    expect(error.retryable).toBe(retryable);
    expect(error.message).toBe(message);
  });

  it('keeps the cause of network errors', () => {
    const cause = new Error('ECONNRESET');
    expect(DuoApiError.network('request failed', cause).cause).toBe(cause);
  });
});

describe('describeDuoFailure', () => {
  it("records a Duo error's code, message and Duo code, and anything else as Duo unavailable", () => {
    expect(describeDuoFailure(DuoApiError.fromFailure(403, 40301, 'Access forbidden', null))).toEqual({
      code: 'CONNECTOR.DUO_FORBIDDEN',
      message: 'Duo 40301: Access forbidden',
      duoCode: 40301,
    });
    expect(describeDuoFailure(new Error('connection refused'))).toEqual({
      code: 'CONNECTOR.DUO_UNAVAILABLE',
      message: 'connection refused',
      duoCode: null,
    });
  });
});
