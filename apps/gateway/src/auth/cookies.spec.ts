import { clearedCookie, parseCookies, sessionCookie } from './cookies';

describe('parseCookies', () => {
  it('reads name=value pairs separated by semicolons', () => {
    expect(parseCookies('a=1; seatwise_session=abc_-DEF;b=2')).toEqual(
      new Map([
        ['a', '1'],
        ['seatwise_session', 'abc_-DEF'],
        ['b', '2'],
      ]),
    );
  });

  it('keeps the first of a repeated name and strips one pair of quotes', () => {
    expect(parseCookies('s=first; s=second').get('s')).toBe('first');
    expect(parseCookies('s="quoted"').get('s')).toBe('quoted');
  });

  it('keeps = inside a value and skips pairs without a name or an =', () => {
    expect(parseCookies('s=a=b').get('s')).toBe('a=b');
    expect([...parseCookies('=x; noequals; ; t=1').entries()]).toEqual([['t', '1']]);
  });

  it('answers an empty map without a header', () => {
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies('').size).toBe(0);
  });
});

describe('sessionCookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, with its lifetime', () => {
    expect(sessionCookie('s', 'tok', { maxAgeSeconds: 60, secure: false })).toBe(
      's=tok; HttpOnly; SameSite=Strict; Path=/; Max-Age=60',
    );
  });

  it('is Secure over HTTPS', () => {
    expect(sessionCookie('s', 'tok', { maxAgeSeconds: 60, secure: true })).toMatch(/; Secure$/);
  });

  it('is cleared by an empty value that expires at once', () => {
    expect(clearedCookie('s', false)).toBe('s=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
  });
});
