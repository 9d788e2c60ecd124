import type { ComputedRow } from './desired-rows';
import { changedSinceApproval, freeze } from './frozen-approval';
import { type RowDoc, UNDECIDED } from './row.repository';

function computed(over: Partial<ComputedRow> = {}): ComputedRow {
  return {
    _id: 'rec_DA1_essentials',
    accountId: 'DA1',
    accountName: 'Acme',
    psaCompanyId: 'psa_1-250',
    connectionId: 'psa_1',
    connectionKind: 'connectwise',
    sku: 'Essentials',
    productId: 'psa_1-7',
    agreementId: 'psa_1-11',
    agreementIssue: null,
    vendorQuantity: 12,
    psaQuantity: 10,
    delta: 2,
    type: 'under_billed',
    unitPrice: 3,
    currency: 'USD',
    monthlyImpact: 6,
    ...over,
  };
}

function stored(over: Partial<ComputedRow> = {}): RowDoc {
  return {
    ...computed(over),
    ...UNDECIDED,
    mutedUntil: null,
    state: 'pending',
    revision: 1,
    updatedAt: new Date(0),
    pushLeaseUntil: new Date(0),
    pushToken: null,
    changeIds: [],
  };
}

describe('frozen approvals', () => {
  const date = new Date('2026-12-01T00:00:00Z');

  it('records the quantity, company and product; the agreement only for a line that does not exist yet', () => {
    expect(freeze(stored(), date)).toEqual({
      quantity: 12,
      psaCompanyId: 'psa_1-250',
      productId: 'psa_1-7',
      agreementId: null,
      effectiveDate: date,
    });
    expect(freeze(stored({ psaQuantity: 0, type: 'new_revenue', delta: 12 }), null)?.agreementId).toBe('psa_1-11');
    expect(freeze(stored({ psaCompanyId: null }), null)).toBeNull();
  });

  it('names every approved value the data moved away from, and nothing else', () => {
    const approved = freeze(stored({ psaQuantity: 0, delta: 12, type: 'new_revenue' }), null);
    if (!approved) throw new Error('not frozen');
    expect(changedSinceApproval(approved, computed({ psaQuantity: 0, unitPrice: 4, monthlyImpact: 48 }))).toEqual([]);
    expect(
      changedSinceApproval(
        approved,
        computed({ psaQuantity: 0, vendorQuantity: 13, psaCompanyId: 'psa_1-251', agreementId: 'psa_1-12' }),
      ),
    ).toEqual(['quantity 12 → 13', 'company psa_1-250 → psa_1-251', 'agreement psa_1-11 → psa_1-12']);
    expect(changedSinceApproval(approved, computed({ psaQuantity: 0, productId: null }))).toEqual([
      'product psa_1-7 → none',
    ]);
  });
});
