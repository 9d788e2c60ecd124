import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows the per-minute budget as a burst, then refills over time, per account and class', () => {
    let now = 0;
    const limiter = new RateLimiter({ logs: 2 }, () => now);
    expect([limiter.take('A', 'logs'), limiter.take('A', 'logs'), limiter.take('A', 'logs')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.take('B', 'logs')).toBe(true);
    expect(limiter.take('A', 'page')).toBe(true);
    now += 30_000;
    expect([limiter.take('A', 'logs'), limiter.take('A', 'logs')]).toEqual([true, false]);
  });

  it('can be switched off and on at runtime', () => {
    const limiter = new RateLimiter({ logs: 1 }, () => 0);
    limiter.take('A', 'logs');
    limiter.configure(false);
    expect(limiter.take('A', 'logs')).toBe(true);
    expect(limiter.current()).toBe(false);
    limiter.configure({ single: 1 });
    expect(limiter.current()).toEqual({ logs: 2, page: 200, single: 1, listAll: 40 });
  });
});
