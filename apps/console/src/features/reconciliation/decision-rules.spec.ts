import { approveBlockedReason, canDecide, verbsFor } from './decision-rules';

describe('decision rules (as apps/reconcile allows them)', () => {
  it.each([
    ['pending', ['approve', 'dismiss']],
    ['failed', ['approve', 'dismiss', 'reset']],
    ['dismissed', ['approve', 'reset']],
    ['applied', ['reset']],
    ['approved', ['reset']],
  ] as const)('a %s row allows %j', (state, verbs) => {
    expect(verbsFor([{ state, type: 'under_billed' }])).toEqual(verbs);
  });

  it('never approves an unmapped row', () => {
    expect(canDecide('approve', { state: 'pending', type: 'unmapped' })).toBe(false);
    expect(canDecide('dismiss', { state: 'pending', type: 'unmapped' })).toBe(true);
  });

  it('offers for a selection only what every row allows, and nothing for none', () => {
    expect(
      verbsFor([
        { state: 'failed', type: 'over_billed' },
        { state: 'dismissed', type: 'new_revenue' },
      ]),
    ).toEqual(['approve', 'reset']);
    expect(
      verbsFor([
        { state: 'pending', type: 'over_billed' },
        { state: 'applied', type: 'over_billed' },
      ]),
    ).toEqual([]);
    expect(verbsFor([])).toEqual([]);
  });

  it('does not approve a new line without an agreement, and says why', () => {
    const noAgreement = { state: 'pending', type: 'new_revenue', agreementIssue: 'no_active_agreement' } as const;
    expect(canDecide('approve', noAgreement)).toBe(false);
    expect(canDecide('dismiss', noAgreement)).toBe(true);
    expect(approveBlockedReason(noAgreement)).toMatch(/^The PSA company has no active agreement: choose/);
    // A changed quantity goes on the line's own agreement; an applied row is not approved again anyway.
    expect(canDecide('approve', { ...noAgreement, type: 'under_billed' })).toBe(true);
    expect(approveBlockedReason({ ...noAgreement, state: 'applied' })).toBeNull();
  });
});
