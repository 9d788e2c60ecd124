import { moneyOf, summarize } from './rows-summary.query';

describe('summarize', () => {
  it('adds the groups up by type, by state and pending by type, every key present', () => {
    const summary = summarize(
      [
        { type: 'under_billed', state: 'pending', n: 3 },
        { type: 'under_billed', state: 'applied', n: 2 },
        { type: 'over_billed', state: 'pending', n: 1 },
        { type: 'unmapped', state: 'pending', n: 4 },
        { type: 'no_change', state: 'dismissed', n: 5 },
      ],
      { vendorQuantity: 40, psaQuantity: 31 },
      { ready: true, accountsMapped: 3, servicesMapped: 1 },
    );
    expect(summary).toEqual({
      rows: 15,
      byType: { new_revenue: 0, under_billed: 5, over_billed: 1, no_change: 5, unmapped: 4 },
      byState: { pending: 8, approved: 0, applied: 2, dismissed: 5, failed: 0 },
      pendingByType: { new_revenue: 0, under_billed: 3, over_billed: 1, no_change: 0, unmapped: 4 },
      mapped: { rows: 11, vendorQuantity: 40, psaQuantity: 31 },
      readiness: { ready: true, accountsMapped: 3, servicesMapped: 1 },
    });
  });

  it('is all zeros without rows', () => {
    const summary = summarize(
      [],
      { vendorQuantity: 0, psaQuantity: 0 },
      { ready: false, accountsMapped: 0, servicesMapped: 0 },
    );
    expect(summary.rows).toBe(0);
    expect(Object.values(summary.byType).every((n) => n === 0)).toBe(true);
    expect(Object.values(summary.byState)).toEqual([0, 0, 0, 0, 0]);
    expect(summary.mapped).toEqual({ rows: 0, vendorQuantity: 0, psaQuantity: 0 });
    expect(summary.readiness.ready).toBe(false);
  });
});

describe('moneyOf', () => {
  it('sums money per month by type and pending by type, in one currency, flagging a mix', () => {
    const money = moneyOf([
      { type: 'new_revenue', state: 'pending', currency: 'USD', amount: 90.5 },
      { type: 'new_revenue', state: 'applied', currency: 'USD', amount: 10.25 },
      { type: 'over_billed', state: 'pending', currency: 'USD', amount: -12 },
      { type: 'under_billed', state: 'pending', currency: null, amount: 3 },
      { type: 'under_billed', state: 'pending', currency: 'EUR', amount: 1000 },
    ]);
    expect(money).toEqual({
      currency: 'USD',
      mixedCurrencies: true,
      byType: { new_revenue: 100.75, under_billed: 3, over_billed: -12, no_change: 0, unmapped: 0 },
      pendingByType: { new_revenue: 90.5, under_billed: 3, over_billed: -12, no_change: 0, unmapped: 0 },
    });
  });

  it('is zero in no currency without priced rows', () => {
    expect(moneyOf([])).toMatchObject({ currency: null, mixedCurrencies: false, byType: { new_revenue: 0 } });
  });
});
