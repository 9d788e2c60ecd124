import { MSP_DEFAULTS, mspAuthEvents, mspUsersSnapshot, mspWorld, skewedSizes } from './msp-profile';

describe('skewedSizes', () => {
  const options = { seed: 'spec', sigma: 1.2, min: 3, max: 100_000 };

  it('sums to exactly count × mean, each size within [min, max]', () => {
    const sizes = skewedSizes(200, 100, options);
    expect(sizes).toHaveLength(200);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3);
  });

  it('is skewed: a few large accounts, most below the mean', () => {
    const sizes = [...skewedSizes(200, 100, options)].sort((a, b) => a - b);
    const median = sizes[100] ?? 0;
    expect(sizes[199]).toBeGreaterThan(8 * median);
    expect(median).toBeLessThan(100);
  });

  it('gives the same sizes for the same seed, others for another', () => {
    expect(skewedSizes(50, 20, options)).toEqual(skewedSizes(50, 20, options));
    expect(skewedSizes(50, 20, options)).not.toEqual(skewedSizes(50, 20, { ...options, seed: 'other' }));
  });

  it('caps sizes at max and hands what they lose to the others', () => {
    const sizes = skewedSizes(200, 20, { seed: 'spec', sigma: 2, min: 2, max: 60 });
    expect(Math.max(...sizes)).toBe(60);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(4_000);
  });

  it('refuses a total that cannot fit the bounds', () => {
    expect(() => skewedSizes(10, 5, { ...options, min: 6 })).toThrow('cannot split');
  });
});

describe('mspWorld', () => {
  const world = mspWorld({ ...MSP_DEFAULTS, events: 100_000, anchor: Date.UTC(2026, 0, 1) });

  it('has the profile means, events in proportion to users', () => {
    const sum = (f: (a: (typeof world.accounts)[number]) => number): number =>
      world.accounts.reduce((n, a) => n + f(a), 0);
    expect(world.accounts).toHaveLength(200);
    expect(sum((a) => a.statuses.length)).toBe(20_000);
    expect(sum((a) => a.apps.length)).toBe(4_000);
    expect(sum((a) => a.auth.count)).toBe(100_000);
    const largest = world.accounts.reduce((a, b) => (b.statuses.length > a.statuses.length ? b : a));
    expect(largest.auth.count).toBe(Math.max(...world.accounts.map((a) => a.auth.count)));
    expect(largest.apps.length).toBe(Math.max(...world.accounts.map((a) => a.apps.length)));
  });

  it('publishes every event once, accounts interleaved, each in time order', () => {
    const small = mspWorld({ ...MSP_DEFAULTS, accounts: 5, events: 2_000, anchor: Date.UTC(2026, 0, 1) });
    const chunks = [...mspAuthEvents(small, Date.UTC(2026, 0, 1), 'int', 10, 300)];
    const events = chunks.flat();
    expect(chunks.every((c) => c.length <= 300)).toBe(true);
    expect(new Set(events.map((e) => e.record.txid)).size).toBe(2_000);
    expect(new Set(events.slice(0, 300).map((e) => e.accountId)).size).toBe(5);
    for (const account of small.accounts) {
      const times = events.filter((e) => e.accountId === account.id).map((e) => e.record.timestamp);
      expect(times).toHaveLength(account.auth.count);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('snapshots every user of an account', () => {
    const account = world.accounts[0]!;
    const { users, complete } = mspUsersSnapshot(account, Date.UTC(2026, 0, 1), 'int', 'snap');
    expect(users).toHaveLength(account.statuses.length);
    expect(complete.userCount).toBe(account.statuses.length);
  });
});
