import { parseEnvelope, parseShape } from './duo-envelope';
import { DuoApiError } from './duo-errors';
import { authLogsSchema, editionSchema, summarySchema, usersMetadataSchema } from './duo-schemas';

const json = 'application/json';
function res(status: number, body: unknown, contentType: string | null = json) {
  return { status, contentType, text: typeof body === 'string' ? body : JSON.stringify(body) };
}
function failure(fn: () => unknown): DuoApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DuoApiError) return error;
    throw error;
  }
  throw new Error('expected a DuoApiError');
}

describe('parseEnvelope', () => {
  it('returns response and top-level metadata of a success', () => {
    expect(parseEnvelope(res(200, { stat: 'OK', response: [1], metadata: { next_offset: 3 } }))).toEqual({
      response: [1],
      metadata: { next_offset: 3 },
    });
    expect(parseEnvelope(res(200, { stat: 'OK', response: 'x' }, 'application/json; charset=utf-8'))).toEqual({
      response: 'x',
      metadata: undefined,
    });
  });

  it('maps a failure envelope with its Duo code, whatever the status', () => {
    const e = failure(() =>
      parseEnvelope(res(401, { stat: 'FAIL', code: 40103, message: 'Invalid signature in request credentials' })),
    );
    expect(e).toMatchObject({ code: 'CONNECTOR.DUO_UNAUTHORIZED', duoCode: 40103, httpStatus: 401 });
    const detail = failure(() =>
      parseEnvelope(
        res(
          400,
          { stat: 'FAIL', code: 40002, message: 'Invalid request parameters', message_detail: 'maxtime' },
          'text/plain',
        ),
      ),
    );
    expect(detail).toMatchObject({ code: 'CONNECTOR.DUO_BAD_REQUEST', detail: 'maxtime' });
    expect(
      failure(() => parseEnvelope(res(200, { stat: 'FAIL', code: 40301, message: 'Access forbidden' }))).code,
    ).toBe('CONNECTOR.DUO_FORBIDDEN');
  });

  it.each([
    ['truncated JSON', res(200, '{"stat":"OK","response":{"authl')],
    ['a raw control character', res(200, '{"stat":"OK",\u0001"response":[]}')],
    ['an empty body', res(200, '')],
    ['HTML', res(200, '<html>hi</html>', 'text/html')],
    ['a wrong content-type', res(200, { stat: 'OK', response: [] }, 'text/html')],
    ['a missing content-type', res(200, { stat: 'OK', response: [] }, null)],
    ['no stat', res(200, { response: [] })],
    ['stat OK without response', res(200, { stat: 'OK' })],
    ['a FAIL without code', res(200, { stat: 'FAIL', message: 'x' })],
    ['an array', res(200, [1, 2])],
  ])('2xx with %s → malformed, retryable', (_name, response) => {
    const e = failure(() => parseEnvelope(response));
    expect(e).toMatchObject({ code: 'CONNECTOR.DUO_MALFORMED_RESPONSE', retryable: true, httpStatus: 200 });
  });

  it('classifies non-2xx without a Duo body by status', () => {
    expect(failure(() => parseEnvelope(res(502, '<html>Bad gateway</html>', 'text/html')))).toMatchObject({
      code: 'CONNECTOR.DUO_UNAVAILABLE',
      duoCode: null,
      httpStatus: 502,
      retryable: true,
    });
    expect(failure(() => parseEnvelope(res(429, '')))).toMatchObject({ code: 'CONNECTOR.DUO_RATE_LIMITED' });
    expect(failure(() => parseEnvelope(res(403, { stat: 'OK', response: [] })))).toMatchObject({
      code: 'CONNECTOR.DUO_FORBIDDEN',
    });
  });

  it('never copies the body into the error', () => {
    const e = failure(() => parseEnvelope(res(200, '{"stat":"OK","response":{"email":"ada@example.org"', json)));
    expect(JSON.stringify({ message: e.message, detail: e.detail })).not.toContain('ada@example.org');
  });
});

describe('payload schemas', () => {
  it('accepts both auth-log cursor forms and both total_objects forms', () => {
    const page = (metadata: unknown) => parseShape(authLogsSchema, { authlogs: [{ txid: 't' }], metadata }, 'page');
    expect(page({ next_offset: ['1751290000000', 'tx-1'], total_objects: 5 }).metadata).toEqual({
      next_offset: ['1751290000000', 'tx-1'],
      total_objects: 5,
    });
    expect(
      page({ next_offset: '1751290000000,tx,with,commas', total_objects: { relation: 'eq', value: 7 } }).metadata,
    ).toEqual({ next_offset: ['1751290000000', 'tx,with,commas'], total_objects: 7 });
    expect(page({ next_offset: [1751290000000, 'tx-1'] }).metadata?.next_offset).toEqual(['1751290000000', 'tx-1']);
    expect(page({ next_offset: null, total_objects: 0 }).metadata?.next_offset).toBeNull();
  });

  it.each([
    ['authlogs not an array', { authlogs: {}, metadata: {} }],
    ['a one-element cursor', { authlogs: [], metadata: { next_offset: ['1'] } }],
    ['a cursor string without comma', { authlogs: [], metadata: { next_offset: '1751290000000' } }],
    ['a negative total', { authlogs: [], metadata: { total_objects: -1 } }],
  ])('rejects auth-log pages with %s as malformed', (_name, value) => {
    expect(failure(() => parseShape(authLogsSchema, value, 'auth log page'))).toMatchObject({
      code: 'CONNECTOR.DUO_MALFORMED_RESPONSE',
      retryable: true,
    });
  });

  it('parses users metadata, absent next_offset included', () => {
    expect(parseShape(usersMetadataSchema, { next_offset: 300, prev_offset: 0, total_objects: '951' }, 'm')).toEqual({
      next_offset: 300,
      total_objects: 951,
    });
    expect(parseShape(usersMetadataSchema, { prev_offset: 600, total_objects: 951 }, 'm')).toEqual({
      total_objects: 951,
    });
    expect(parseShape(usersMetadataSchema, undefined, 'm')).toBeUndefined();
    expect(() => parseShape(usersMetadataSchema, { next_offset: 'x' }, 'm')).toThrow(DuoApiError);
  });

  it('validates the summary counts', () => {
    const summary = {
      admin_count: 3,
      integration_count: '9',
      telephony_credits_remaining: 960,
      user_count: 8,
      user_pending_deletion_count: 0,
    };
    expect(parseShape(summarySchema, summary, 's')).toEqual({
      admin_count: 3,
      integration_count: 9,
      user_count: 8,
      user_pending_deletion_count: 0,
    });
    expect(() => parseShape(summarySchema, { ...summary, user_count: 1.5 }, 's')).toThrow(DuoApiError);
    expect(() => parseShape(summarySchema, { ...summary, user_pending_deletion_count: undefined }, 's')).toThrow(
      DuoApiError,
    );
  });

  it('maps editions, unknown ones to null', () => {
    expect(parseShape(editionSchema, { edition: 'BEYOND' }, 'e')).toBe('BEYOND');
    expect(parseShape(editionSchema, { edition: 'ULTIMATE_2030' }, 'e')).toBeNull();
    expect(() => parseShape(editionSchema, { edition: 3 }, 'e')).toThrow(DuoApiError);
  });
});
