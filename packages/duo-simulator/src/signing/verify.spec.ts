import { DuoError } from '../errors';
import { canonParams, parseParams } from './canon';
import { canonicalHost, verifyRequest, type SignedRequest } from './verify';

// Vectors from the fact sheet (section 1.8), computed independently and cross-checked against duo_client 5.6.1.
const IKEY = 'DIXXXXXXXXXXXXXXXXXX';
const SKEY = 'simulatortestsecretkey0123456789abcdefghij';
const DATE = 'Tue, 01 Jul 2025 12:00:00 -0000';
const NOW = Date.UTC(2025, 6, 1, 12, 0, 0);
const QUERY =
  'limit=1000&maxtime=1751371080000&mintime=1751284800000&next_offset=1751290000000,6f1b2c3d-0000-4000-8000-000000000001&sort=ts:asc';
const AUTH = {
  v2sha1: 'Basic RElYWFhYWFhYWFhYWFhYWFhYWFg6YWEwOGJjYThlMDk5NGE4NmM4YjFkNjhmMWQ1MzQxNzI4YWE0NTJmNw==',
  v2sha512:
    'Basic RElYWFhYWFhYWFhYWFhYWFhYWFg6ODA3ZWQyNjIyYjAyMTM1ODY4YzM5MzFmNTY1ZWY3MDg0M2JhOGEzNWU0NzcwNDNmNDMzZTQ1OGY1NDI5MjI1NDZmOTIzMTc5NDZiMTM3ZjE3ZDljZmZkZmIyMmFjNmI0NmI0YTAyYjJmNjM0ZWI3NjNkY2VkNWU0M2U1OTZlNjE=',
  v5: 'Basic RElYWFhYWFhYWFhYWFhYWFhYWFg6YTllZDZhZDVjOWE2NjBiMTkxN2FjZDM5MWQ5OGQ0ZTRmNjdmYmU3ODRjOWUwMzFlNDc0Y2EzYWExY2UxMjY5YmE5MmIzYjE5NTA2Zjc3ODFjYTQ5ZDExODVkYzU4ZjljODJmY2QxN2JhZGI0NTAzODM5MzY4Mzg3ZWFiZjllYTA=',
  v5xduo:
    'Basic RElYWFhYWFhYWFhYWFhYWFhYWFg6OGU1Yjc2ZjY0OGVkYThiY2FhZDY4OTkzYjM0NmM2NmM2MmQxMWYyZDQzM2JjNTYzY2NjNDZjYWM5ZWJhOWI3OGFhOGQwZTQ3NzY1MzY5NmU4MmJiZTg4MjUzMmEyZDFmNWY0YjlhNjVjZDZkNjM2YTMxNDU2ZWExODg0OWQ4MTY=',
  v5post:
    'Basic RElYWFhYWFhYWFhYWFhYWFhYWFg6NGUzMmZmZjZjOTEwMDMzOGNkODc5Y2UzMjUzNGI1N2I3MmMwN2E2ZjYzYTgzOWZmMmRmMzQ2NzAxMjRhYzdmMDM4ZWJiYTJjMDlmYjMzNjU3MTYxNmVhNDM1MDA4YjI4MmNjNTgzYmJkM2ZmYzQwMjViMzY4YTliYTY4NWY4N2Y=',
};

function request(
  authorization: string,
  extra: Partial<SignedRequest> = {},
  headers: Record<string, string> = {},
): SignedRequest {
  return {
    method: 'GET',
    hostHeader: 'API-Test.duosecurity.com:443',
    path: '/admin/v2/logs/authentication',
    params: parseParams(QUERY),
    rawBody: '',
    headers: { authorization, date: DATE, ...headers },
    ...extra,
  };
}

const options = { now: NOW, maxSkewMs: 300_000, secretFor: (k: string) => (k === IKEY ? SKEY : undefined) };

function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DuoError) return error.code;
    throw error;
  }
  return undefined;
}

describe('canonicalization', () => {
  it('re-encodes decoded params the way Duo signs them', () => {
    expect(canonParams(parseParams(QUERY), false)).toBe(
      'limit=1000&maxtime=1751371080000&mintime=1751284800000&next_offset=1751290000000%2C6f1b2c3d-0000-4000-8000-000000000001&sort=ts%3Aasc',
    );
    expect(canonParams(parseParams("note=a~b!c*d'(e)+f%2Bg@h/i&username=root&realname=First%20Last"), false)).toBe(
      'note=a~b%21c%2Ad%27%28e%29%20f%2Bg%40h%2Fi&realname=First%20Last&username=root',
    );
  });

  it('canonical host drops the port and lower-cases', () => {
    expect(canonicalHost('API-Test.duosecurity.com:443')).toBe('api-test.duosecurity.com');
    expect(canonicalHost('[::1]:8080')).toBe('[::1]');
  });
});

describe('verifyRequest', () => {
  it.each([
    ['v2 HMAC-SHA1', AUTH.v2sha1],
    ['v2 HMAC-SHA512', AUTH.v2sha512],
    ['v5', AUTH.v5],
  ])('accepts %s', (_, auth) => {
    expect(verifyRequest(request(auth), options)).toBe(IKEY);
  });

  it('accepts v5 with X-Duo-Date (header hashed into the signature)', () => {
    const req = request(AUTH.v5xduo, { headers: { authorization: AUTH.v5xduo, 'x-duo-date': DATE } });
    expect(verifyRequest(req, options)).toBe(IKEY);
  });

  it('accepts v5 POST with a JSON body', () => {
    const req = request(AUTH.v5post, {
      method: 'POST',
      path: '/accounts/v1/account/list',
      params: new Map(),
      rawBody: '{}',
    });
    expect(verifyRequest(req, options)).toBe(IKEY);
  });

  it('accepts python-style wire encoding (+ for space) of the same params', () => {
    const req = request(AUTH.v2sha1, { params: parseParams(QUERY.replace(/,/g, '%2C').replace(/:/g, '%3A')) });
    expect(verifyRequest(req, options)).toBe(IKEY);
  });

  it.each([
    ['no Authorization', request(''), 40101],
    ['not Basic', request('Bearer abc'), 40101],
    ['unknown ikey', request(`Basic ${Buffer.from('DIUNKNOWN:abc').toString('base64')}`), 40102],
    ['no date', request(AUTH.v5, { headers: { authorization: AUTH.v5 } }), 40104],
    ['localized date', request(AUTH.v5, {}, { date: 'Di, 01 Jul 2025 12:00:00 -0000' }), 40104],
    ['tampered params', request(AUTH.v5, { params: parseParams(QUERY.replace('limit=1000', 'limit=999')) }), 40103],
    ['wrong path', request(AUTH.v2sha1, { path: '/admin/v1/users' }), 40103],
  ])('rejects %s', (_, req, code) => {
    expect(codeOf(() => verifyRequest(req, options))).toBe(code);
  });

  it('rejects a skewed date with 40105', () => {
    expect(codeOf(() => verifyRequest(request(AUTH.v5), { ...options, now: NOW + 301_000 }))).toBe(40105);
  });
});
