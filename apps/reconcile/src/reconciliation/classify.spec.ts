import { classify } from './classify';

describe('classify', () => {
  it.each([
    [5, 0, 'new_revenue'],
    [7, 5, 'under_billed'],
    [3, 5, 'over_billed'],
    [0, 4, 'over_billed'],
    [5, 5, 'no_change'],
    [0, 0, 'no_change'],
  ] as const)('vendor %i, PSA %i → %s', (vendor, psa, type) => {
    expect(classify(vendor, psa)).toBe(type);
  });
});
