import { canDecide, verbsFor } from './decision-rules';

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
});
