import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows the per-minute budget as a burst, then asks to wait until a token refills, per member', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 2 }, () => now);
    expect([limiter.take('A'), limiter.take('A'), limiter.take('A')]).toEqual([0, 0, 30]);
    expect(limiter.take('B')).toBe(0);
    now += 30_000;
    expect([limiter.take('A'), limiter.take('A')]).toEqual([0, 30]);
  });

  it('can be switched off and on at runtime', () => {
    const limiter = new RateLimiter({ perMinute: 1 }, () => 0);
    limiter.take('A');
    limiter.configure(false);
    expect(limiter.take('A')).toBe(0);
    expect(limiter.current()).toBe(false);
    limiter.configure({ perMinute: 3 });
    expect(limiter.current()).toEqual({ perMinute: 3 });
  });
});
