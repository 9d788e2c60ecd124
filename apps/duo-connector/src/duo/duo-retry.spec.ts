import { inspect } from 'node:util';
import { creds, limited, logs, officialSignature, rejection, setup, unavailable } from './__fixtures__/client-setup';
import { fail, ok } from './__fixtures__/fakes';
import { DuoNetworkError } from './duo-transport';

describe('retries', () => {
  it('retries 5xx, network errors and malformed bodies with full-jitter exponential backoff', async () => {
    const garbage = { status: 200, contentType: 'application/json', text: '{"stat":"OK","resp' };
    const { client, sleeper, reports } = setup([
      unavailable,
      new DuoNetworkError('network', 'reset'),
      garbage,
      new DuoNetworkError('timeout', 'slow'),
      logs(),
    ]);
    const page = await client.authLogs({ mintime: 1, maxtime: 2 });
    expect(page.records).toHaveLength(1);
    // random 0.5 × min(30 s, 250 ms × 2^(n−1))
    expect(sleeper.delays).toEqual([125, 250, 500, 1000]);
    expect(reports.map((r) => [r.attempt, r.status, r.outcome, r.retryInMs])).toEqual([
      [1, 503, 'CONNECTOR.DUO_UNAVAILABLE', 125],
      [2, null, 'CONNECTOR.DUO_UNAVAILABLE', 250],
      [3, 200, 'CONNECTOR.DUO_MALFORMED_RESPONSE', 500],
      [4, null, 'CONNECTOR.DUO_UNAVAILABLE', 1000],
      [5, 200, 'ok', null],
    ]);
  });

  it('starts 429 backoff at 2 s, caps at 30 s, and throws the last error after max attempts', async () => {
    const { client, sleeper, reports, transport } = setup(
      Array.from({ length: 8 }, () => limited),
      { random: () => 0.999999 },
    );
    const error = await rejection(client.infoSummary());
    expect(error).toMatchObject({
      code: 'CONNECTOR.DUO_RATE_LIMITED',
      duoCode: 42901,
      httpStatus: 429,
      retryable: true,
    });
    expect(transport.requests).toHaveLength(6);
    expect(sleeper.delays).toEqual([1999, 3999, 7999, 15999, 29999]);
    expect(reports.filter((r) => r.status === 429)).toHaveLength(6);
    expect(reports.at(-1)?.retryInMs).toBeNull();
  });

  it('honours configured attempts and delays', async () => {
    const { client, sleeper, transport } = setup([unavailable, unavailable, unavailable], {
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
      random: () => 0.999,
    });
    expect((await rejection(client.users({ offset: 0 }))).code).toBe('CONNECTOR.DUO_UNAVAILABLE');
    expect(transport.requests).toHaveLength(3);
    expect(sleeper.delays).toEqual([0, 1]);
  });

  it('re-signs every attempt with a fresh Date', async () => {
    const { client, transport } = setup([unavailable, limited, ok([])], {
      random: () => 0.9,
      retry: { baseDelayMs: 2000 },
    });
    await client.users({ offset: 0 });
    const dates = transport.requests.map((r) => r.headers['Date']);
    expect(new Set(dates).size).toBe(3);
    for (const request of transport.requests) {
      expect(request.headers['Authorization']).toBe(
        officialSignature('/admin/v1/users', { limit: '300', offset: '0' }, request.headers['Date']!),
      );
    }
  });

  it.each([
    [fail(401, 40103, 'Invalid signature in request credentials'), 'CONNECTOR.DUO_UNAUTHORIZED'],
    [fail(403, 40301, 'Access forbidden'), 'CONNECTOR.DUO_FORBIDDEN'],
    [fail(400, 40002, 'Invalid request parameters'), 'CONNECTOR.DUO_BAD_REQUEST'],
    [fail(404, 40401, 'Resource not found'), 'CONNECTOR.DUO_NOT_FOUND'],
  ])('throws non-retryable failures at once: %#', async (response, code) => {
    const { client, sleeper, reports } = setup([response]);
    const error = await rejection(client.authLogs({ mintime: 1, maxtime: 2 }));
    expect(error.code).toBe(code);
    expect(sleeper.delays).toEqual([]);
    expect(reports).toHaveLength(1);
    const text = `${error.message} ${JSON.stringify(error)} ${inspect(error)}`;
    expect(text).not.toContain(creds.secretKey);
    expect(text).not.toContain('Basic ');
  });

  it('does not retry programming errors of the transport', async () => {
    const { client, transport } = setup([new TypeError('bug')]);
    await expect(client.users({ offset: 0 })).rejects.toThrow('bug');
    expect(transport.requests).toHaveLength(1);
  });
});
