import { fromTableSort, toListQuery, toTableSort, validateReconciliationSearch } from './reconciliation-search';

describe('reconciliation search params', () => {
  it('keeps valid filters and sort', () => {
    expect(
      validateReconciliationSearch({
        type: 'over_billed',
        state: 'failed',
        accountId: 'DA9VZOC5X63I2W72NRP9',
        sku: 'Premier',
        sort: '-updatedAt',
      }),
    ).toEqual({
      type: 'over_billed',
      state: 'failed',
      accountId: 'DA9VZOC5X63I2W72NRP9',
      sku: 'Premier',
      sort: '-updatedAt',
    });
  });

  it('drops unknown or malformed values instead of sending them', () => {
    expect(
      validateReconciliationSearch({
        type: 'lost',
        state: 42,
        accountId: 'a/b',
        sku: 'Gold',
        sort: '-psaCompanyName',
        other: 'x',
      }),
    ).toEqual({});
    expect(validateReconciliationSearch({ sort: '--delta' })).toEqual({});
  });

  it('reads an all-digit account id the router parsed as a number', () => {
    expect(validateReconciliationSearch({ accountId: 12345 })).toEqual({ accountId: '12345' });
  });

  it('converts between the table sort and the API sort', () => {
    expect(toTableSort('-delta')).toEqual({ key: 'delta', direction: 'desc' });
    expect(toTableSort('sku')).toEqual({ key: 'sku', direction: 'asc' });
    expect(toTableSort(undefined)).toBeNull();
    expect(fromTableSort({ key: 'vendorQuantity', direction: 'desc' })).toBe('-vendorQuantity');
    expect(fromTableSort({ key: 'accountName', direction: 'asc' })).toBe('accountName');
    expect(fromTableSort({ key: 'psaCompanyName', direction: 'asc' })).toBeUndefined();
  });

  it('keeps a whole minimum delta within the API bounds and the muted switch only when on', () => {
    expect(validateReconciliationSearch({ minDelta: 5, showMuted: true })).toEqual({ minDelta: 5, showMuted: true });
    expect(validateReconciliationSearch({ minDelta: '12' })).toEqual({ minDelta: 12 });
    for (const minDelta of [0, -3, 2.5, 1_000_001, 'five', '']) {
      expect(validateReconciliationSearch({ minDelta })).toEqual({});
    }
    expect(validateReconciliationSearch({ showMuted: false })).toEqual({});
  });

  it('asks the API to leave muted rows out unless they are shown', () => {
    expect(toListQuery({ type: 'under_billed', minDelta: 3 })).toEqual({
      type: 'under_billed',
      minDelta: 3,
      muted: 'false',
    });
    expect(toListQuery({ showMuted: true, sort: '-monthlyImpact' })).toEqual({ sort: '-monthlyImpact' });
  });
});
