import * as duoSig from '@duosecurity/duo_api/lib/duo_sig';
import { canonParams, formatDuoDate, sha512Hex, signV2, signV5 } from './signing';

const keys = { ikey: 'DIXXXXXXXXXXXXXXXXXX', skey: 'simulatortestsecretkey0123456789abcdefghij' };
const host = 'api-test.duosecurity.com';
const date = 'Tue, 01 Jul 2025 12:00:00 -0000';

// Facts §1.8, "vectors computed here" (cross-checked against duo_client_python 5.6.1).
describe('facts §1.8 vectors', () => {
  const params = {
    limit: '1000',
    maxtime: '1751371080000',
    mintime: '1751284800000',
    next_offset: '1751290000000,6f1b2c3d-0000-4000-8000-000000000001',
    sort: 'ts:asc',
  };
  const get = { ...keys, method: 'GET', host, path: '/admin/v2/logs/authentication', params, date };

  it('canonicalizes the auth-log params', () => {
    expect(canonParams(params)).toBe(
      'limit=1000&maxtime=1751371080000&mintime=1751284800000&next_offset=' +
        '1751290000000%2C6f1b2c3d-0000-4000-8000-000000000001&sort=ts%3Aasc',
    );
  });

  it('signs v2-SHA1, v2-SHA512 and v5 GET', () => {
    expect(signV2({ ...get, digest: 'sha1' }).authorization).toBe(
      'Basic RElYWFhYWFhYWFhYWFhYWFhYWFg6YWEwOGJjYThlMDk5NGE4NmM4YjFkNjhmMWQ1MzQxNzI4YWE0NTJmNw==',
    );
    expect(signV2(get).authorization).toBe(
      'Basic RElYWFhYWFhYWFhYWFhYWFhYWFg6ODA3ZWQyNjIyYjAyMTM1ODY4YzM5MzFmNTY1ZWY3MDg0M2JhOGEzNWU0NzcwNDNmNDMzZTQ1OGY1NDI5MjI1NDZmOTIzMTc5NDZiMTM3ZjE3ZDljZmZkZmIyMmFjNmI0NmI0YTAyYjJmNjM0ZWI3NjNkY2VkNWU0M2U1OTZlNjE=',
    );
    expect(signV5({ ...get, body: '' }).authorization).toBe(
      'Basic RElYWFhYWFhYWFhYWFhYWFhYWFg6YTllZDZhZDVjOWE2NjBiMTkxN2FjZDM5MWQ5OGQ0ZTRmNjdmYmU3ODRjOWUwMzFlNDc0Y2EzYWExY2UxMjY5YmE5MmIzYjE5NTA2Zjc3ODFjYTQ5ZDExODVkYzU4ZjljODJmY2QxN2JhZGI0NTAzODM5MzY4Mzg3ZWFiZjllYTA=',
    );
  });

  it('signs v5 POST account/list with body {} and an empty params line', () => {
    const signed = signV5({
      ...keys,
      method: 'POST',
      host,
      path: '/accounts/v1/account/list',
      params: {},
      date,
      body: '{}',
    });
    expect(signed).toEqual({
      date,
      authorization:
        'Basic RElYWFhYWFhYWFhYWFhYWFhYWFg6NGUzMmZmZjZjOTEwMDMzOGNkODc5Y2UzMjUzNGI1N2I3MmMwN2E2ZjYzYTgzOWZmMmRmMzQ2NzAxMjRhYzdmMDM4ZWJiYTJjMDlmYjMzNjU3MTYxNmVhNDM1MDA4YjI4MmNjNTgzYmJkM2ZmYzQwMjViMzY4YTliYTY4NWY4N2Y=',
    });
  });

  it('escapes reserved characters like the demo', () => {
    expect(canonParams({ note: "a~b!c*d'(e) f+g@h/i", realname: 'First Last', username: 'root' })).toBe(
      'note=a~b%21c%2Ad%27%28e%29%20f%2Bg%40h%2Fi&realname=First%20Last&username=root',
    );
  });

  it('hashes the empty string and {} as in duo_hmac tests', () => {
    expect(sha512Hex('')).toMatch(/^cf83e135.*927da3e$/);
    expect(sha512Hex('{}')).toMatch(/^27c74670.*830763fd$/);
  });
});

describe('node SDK test vectors (facts §1.8, S2 tests/duo_sig.js)', () => {
  const base = {
    ikey: 'test_ikey',
    skey: 'test_skey',
    method: 'POST',
    host: 'test.duosecurity.com',
    path: '/test/v1',
    date: 'Tue, 21 Aug 2012 17:29:18 -0000',
  };
  it('v2-SHA512 starts as documented', () => {
    expect(signV2({ ...base, params: { realname: 'First Last', username: 'root' } }).authorization).toMatch(
      /^Basic dGVzdF9pa2V5OjA0MmEz/,
    );
  });
  it('v5 with a JSON body starts as documented', () => {
    expect(signV5({ ...base, params: {}, body: '{"realname":"First Last","username":"root"}' }).authorization).toMatch(
      /^Basic dGVzdF9pa2V5OjdkMDI0/,
    );
  });
});

describe('byte-for-byte equality with @duosecurity/duo_api', () => {
  const cases: Record<string, Record<string, string | string[]>> = {
    empty: {},
    unicode: { realname: 'Zoë Ünïcødé 日本語 🚀', username: 'zoë' },
    spaces: { q: 'a b  c', 'key with space': ' leading and trailing ' },
    reserved: { note: "!'()*~ + @ / : ,", path: '/a/b?c=d&e#f', pct: '100%' },
    repeated: { next_offset: ['1751290000000', 'txid-b', 'a-first'], users: ['DUB', 'DUA'] },
    emptyValues: { a: '', b: [''], c: 'x' },
    prefixKeys: { foo_bar: '2', foo: '1', Foo: '0', 'foo-bar': '3' },
    logs: { mintime: '1751284800000', maxtime: '1751371080000', limit: '1000', sort: 'ts:asc', account_id: 'DA123' },
  };
  const methods = ['GET', 'POST', 'delete'];
  const paths = ['/admin/v2/logs/authentication', '/Admin/V1/Users'];
  const hosts = ['api-abc.duosecurity.com', 'API-ABC.DuoSecurity.com'];

  for (const [name, params] of Object.entries(cases)) {
    it(`v2 and v5 for ${name} params`, () => {
      const combos = methods.flatMap((method) => paths.flatMap((path) => hosts.map((h) => ({ method, path, h }))));
      for (const { method, path, h } of combos) {
        const input = { ...keys, method, host: h, path, params, date };
        expect(signV2(input).authorization).toBe(duoSig.sign(keys.ikey, keys.skey, method, h, path, params, date));
        const body = method === 'POST' ? JSON.stringify(params) : '';
        const v5Params = method === 'POST' ? {} : params;
        expect(signV5({ ...input, params: v5Params, body }).authorization).toBe(
          duoSig.signV5(keys.ikey, keys.skey, method, h, path, v5Params, date, body),
        );
      }
    });
  }
});

describe('formatDuoDate', () => {
  it('prints RFC 2822 UTC with -0000', () => {
    expect(formatDuoDate(new Date(Date.UTC(2025, 6, 1, 12, 0, 0)))).toBe(date);
    expect(formatDuoDate(new Date(Date.UTC(2012, 7, 21, 17, 29, 18, 999)))).toBe('Tue, 21 Aug 2012 17:29:18 -0000');
  });

  it('signs a Date object as its formatted string and returns that string', () => {
    const signed = signV5({
      ...keys,
      method: 'GET',
      host,
      path: '/x',
      params: {},
      body: '',
      date: new Date(Date.UTC(2025, 6, 1, 12, 0, 0)),
    });
    expect(signed).toEqual(signV5({ ...keys, method: 'GET', host, path: '/x', params: {}, body: '', date }));
    expect(signed.date).toBe(date);
  });
});
