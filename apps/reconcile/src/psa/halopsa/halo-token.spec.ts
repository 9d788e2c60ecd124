import { TokenCache } from './halo-token';

describe('TokenCache', () => {
  it('serves a token until a minute before its expiry, then asks for a new one', () => {
    let now = 0;
    const cache = new TokenCache(() => now);
    expect(cache.get()).toBeNull();
    cache.store('t1', 3600);
    now = 3600_000 - 60_001;
    expect(cache.get()).toBe('t1');
    now += 1;
    expect(cache.get()).toBeNull();
  });

  it('keeps at most half of a short lifetime as margin', () => {
    let now = 0;
    const cache = new TokenCache(() => now);
    cache.store('short', 1);
    now = 499;
    expect(cache.get()).toBe('short');
    now = 500;
    expect(cache.get()).toBeNull();
  });

  it('forgets the token on clear (after a 401)', () => {
    const cache = new TokenCache(() => 0);
    cache.store('t', 3600);
    cache.clear();
    expect(cache.get()).toBeNull();
  });
});
