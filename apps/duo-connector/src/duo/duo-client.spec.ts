import { inspect } from 'node:util';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { creds, logs, officialSignature, rejection, setup } from './__fixtures__/client-setup';
import { fail, FakeClock, ok, RecordingSleeper, ScriptedTransport } from './__fixtures__/fakes';
import { cursorAfter } from './duo-client';
import { DuoClientFactory } from './duo-client.factory';
import { formatDuoDate } from './signing';

function thrownCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('DuoClient requests', () => {
  it('sends a v5-signed GET with the canonical query, sorted ascending, limit 1000', async () => {
    const { client, transport, clock } = setup([logs(['1751290000000', 'tx-1'])]);
    const page = await client.authLogs({
      mintime: 1751284800000,
      maxtime: 1751371080000,
      nextOffset: ['1751280000000', 'tx-0'],
    });
    expect(page).toEqual({ records: [{ txid: 'a' }], nextOffset: ['1751290000000', 'tx-1'], totalObjects: 1 });
    const request = transport.requests[0]!;
    expect(request.url).toBe(
      'https://api-abc123.duosecurity.com/admin/v2/logs/authentication?limit=1000&' +
        'maxtime=1751371080000&mintime=1751284800000&next_offset=1751280000000%2Ctx-0&sort=ts%3Aasc',
    );
    expect(request.body).toBeUndefined();
    const date = formatDuoDate(clock.now());
    expect(request.headers['Date']).toBe(date);
    const params = {
      limit: '1000',
      maxtime: '1751371080000',
      mintime: '1751284800000',
      next_offset: '1751280000000,tx-0',
      sort: 'ts:asc',
    };
    expect(request.headers['Authorization']).toBe(officialSignature('/admin/v2/logs/authentication', params, date));
  });

  it('sends account/list as a v5 POST with body {}', async () => {
    const { client, transport } = setup([
      ok([{ account_id: 'DA1', name: 'Acme', api_hostname: 'api-x.duosecurity.com' }]),
    ]);
    expect(await client.childAccounts()).toEqual([
      { accountId: 'DA1', name: 'Acme', apiHostname: 'api-x.duosecurity.com' },
    ]);
    const request = transport.requests[0]!;
    expect(request).toMatchObject({
      method: 'POST',
      body: '{}',
      url: 'https://api-abc123.duosecurity.com/accounts/v1/account/list',
    });
    expect(request.headers['Content-Type']).toBe('application/json');
    expect(request.headers['Authorization']).toBe(
      officialSignature('/accounts/v1/account/list', {}, request.headers['Date']!, { method: 'POST', body: '{}' }),
    );
  });

  it('signs v2 (SHA512 or SHA1) when selected', async () => {
    const { client, transport } = setup([ok([]), ok([])], { signatureVersion: 2 });
    await client.users({ offset: 0, accountId: 'DA1' });
    const request = transport.requests[0]!;
    expect(request.headers['Authorization']).toBe(
      officialSignature('/admin/v1/users', { account_id: 'DA1', limit: '300', offset: '0' }, request.headers['Date']!, {
        v2: true,
      }),
    );
    const sha1 = setup([ok([])], { signatureVersion: 2, v2Digest: 'sha1' });
    await sha1.client.users({ offset: 0 });
    const [, hex] = Buffer.from(sha1.transport.requests[0]!.headers['Authorization']!.slice(6), 'base64')
      .toString()
      .split(':');
    expect(hex).toMatch(/^[0-9a-f]{40}$/);
  });

  it('rejects out-of-range arguments before calling Duo', () => {
    const { client, transport } = setup([]);
    expect(thrownCode(() => client.authLogs({ mintime: 2, maxtime: 1 }))).toBe(ErrorCodes.VALIDATION_FAILED);
    expect(() => client.authLogs({ mintime: 1, maxtime: 2, limit: 1001 })).toThrow(/1\.\.1000/);
    expect(() => client.users({ offset: 0, limit: 301 })).toThrow(/1\.\.300/);
    expect(() => client.users({ offset: -1 })).toThrow(/offset/);
    expect(transport.requests).toHaveLength(0);
  });
});

describe('hosts and child accounts', () => {
  it('keeps scheme and port of a base URL, signs the host without port', async () => {
    const outbound = { allowedEndpoints: ['127.0.0.1:3456', 'child.example:3457'], psaHosts: [] };
    const transport = new ScriptedTransport([ok([]), ok([])], undefined, outbound);
    const factory = new DuoClientFactory(transport, new FakeClock(), new RecordingSleeper());
    const parent = factory.create({ ...creds, apiHostname: 'http://127.0.0.1:3456' });
    expect(parent.baseUrl).toBe('http://127.0.0.1:3456');
    const child = parent.forChild({ accountId: 'DA9', apiHostname: 'Child.Example:3457' });
    expect(child.baseUrl).toBe('http://child.example:3457');
    await child.users({ offset: 0 });
    await child.users({ offset: 0, accountId: 'DA8' });
    const request = transport.requests[0]!;
    expect(request.url).toBe('http://child.example:3457/admin/v1/users?account_id=DA9&limit=300&offset=0');
    expect(request.headers['Authorization']).toBe(
      officialSignature('/admin/v1/users', { account_id: 'DA9', limit: '300', offset: '0' }, request.headers['Date']!, {
        host: 'child.example',
      }),
    );
    expect(transport.requests[1]!.url).toContain('account_id=DA8');
  });

  it('reaches children of an https parent over https, and accepts explicit URLs', () => {
    const outbound = { allowedEndpoints: ['127.0.0.1:1'], psaHosts: [] };
    const transport = new ScriptedTransport([], undefined, outbound);
    const factory = new DuoClientFactory(transport, new FakeClock(), new RecordingSleeper());
    const parent = factory.create(creds);
    expect(parent.baseUrl).toBe('https://api-abc123.duosecurity.com');
    expect(parent.forChild({ accountId: 'DA1', apiHostname: 'api-child.duosecurity.com' }).baseUrl).toBe(
      'https://api-child.duosecurity.com',
    );
    expect(parent.forChild({ accountId: 'DA1', apiHostname: 'http://127.0.0.1:1' }).baseUrl).toBe('http://127.0.0.1:1');
  });

  it.each([
    ['', 'OUTBOUND.REFUSED'],
    ['ftp://api.duosecurity.com', 'OUTBOUND.REFUSED'],
    ['https://api-abc123.duosecurity.com/admin', ErrorCodes.CONFIG_INVALID],
    ['https://u:p@api-abc123.duosecurity.com', 'OUTBOUND.REFUSED'],
    ['a b', 'OUTBOUND.REFUSED'],
    ['api-abc123.duosecurity.com.evil.example', 'OUTBOUND.REFUSED'],
    ['http://127.0.0.1:3456', 'OUTBOUND.REFUSED'],
    ['169.254.169.254', 'OUTBOUND.REFUSED'],
  ])('refuses the API hostname %p with %s', (apiHostname, code) => {
    const factory = new DuoClientFactory(new ScriptedTransport([]), new FakeClock(), new RecordingSleeper());
    expect(thrownCode(() => factory.create({ ...creds, apiHostname }))).toBe(code);
  });

  // Mutation: with the policy check removed from DuoTransport.baseUrl, these children were reached.
  it.each(['api-child.duosecurity.com.evil.example', '10.0.0.1', 'http://127.0.0.1:1', '2130706433:3456'])(
    'refuses a child api_hostname %p from the Accounts API before any request',
    (apiHostname) => {
      const transport = new ScriptedTransport([], ok([]));
      const parent = new DuoClientFactory(transport, new FakeClock(), new RecordingSleeper()).create(creds);
      expect(thrownCode(() => parent.forChild({ accountId: 'DA1', apiHostname }))).toBe('OUTBOUND.REFUSED');
      expect(transport.requests).toEqual([]);
    },
  );

  it('never exposes the secret key when a client is logged or serialized', () => {
    const { client } = setup([]);
    expect(inspect(client, { depth: 20 })).not.toContain(creds.secretKey);
    expect(JSON.stringify(client)).not.toContain(creds.secretKey);
  });
});

describe('edition', () => {
  it('returns the edition, null for unknown codes and for 40301/40401', async () => {
    const { client } = setup([
      ok({ edition: 'PLATFORM' }),
      ok({ edition: 'NEW_TIER' }),
      fail(403, 40301, 'Access forbidden'),
      fail(404, 40401, 'Resource not found'),
    ]);
    expect(await client.edition({ accountId: 'DA1' })).toBe('PLATFORM');
    expect(await client.edition({ accountId: 'DA1' })).toBeNull();
    expect(await client.edition({ accountId: 'DA1' })).toBeNull();
    expect(await client.edition({ accountId: 'DA1' })).toBeNull();
  });

  it('throws other errors', async () => {
    const { client } = setup([fail(401, 40103, 'Invalid signature in request credentials')]);
    expect((await rejection(client.edition())).duoCode).toBe(40103);
  });
});

describe('infoSummary and users', () => {
  it('maps the summary and users metadata', async () => {
    const { client } = setup([
      ok({
        admin_count: 3,
        integration_count: 9,
        telephony_credits_remaining: 1,
        user_count: 8,
        user_pending_deletion_count: 2,
      }),
      ok([{ user_id: 'DU1' }], { next_offset: 1, prev_offset: 0, total_objects: 2 }),
      ok([{ user_id: 'DU2' }], { prev_offset: 0, total_objects: 2 }),
    ]);
    expect(await client.infoSummary()).toEqual({
      userCount: 8,
      pendingDeletionCount: 2,
      adminCount: 3,
      integrationCount: 9,
    });
    expect(await client.users({ offset: 0, limit: 1 })).toEqual({
      users: [{ user_id: 'DU1' }],
      nextOffset: 1,
      totalObjects: 2,
    });
    expect(await client.users({ offset: 1, limit: 1 })).toEqual({
      users: [{ user_id: 'DU2' }],
      nextOffset: null,
      totalObjects: 2,
    });
  });
});

describe('cursorAfter (a log page without next_offset)', () => {
  const record = { txid: 'tx-9', timestamp: 1_764_000_000, isotimestamp: '2025-11-24T16:00:00.123456+00:00' };

  it("is the last record's [ms, txid], to the millisecond when Duo's isotimestamp has it", () => {
    expect(cursorAfter([{ txid: 'tx-1', timestamp: 1 }, record])).toEqual(['1764000000123', 'tx-9']);
    const { isotimestamp: _iso, ...secondsOnly } = record;
    expect(cursorAfter([secondsOnly])).toEqual(['1764000000000', 'tx-9']);
  });

  it('is null for an empty page or a last record without a txid or time', () => {
    expect(cursorAfter([])).toBeNull();
    expect(cursorAfter([{ timestamp: 1 }])).toBeNull();
    expect(cursorAfter([{ txid: 'tx-1', timestamp: 'soon' }])).toBeNull();
  });
});
