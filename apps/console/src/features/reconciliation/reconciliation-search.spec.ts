import { fromTableSort, toTableSort, validateReconciliationSearch } from './reconciliation-search';

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
});
