import { formatMoney, formatPrice } from './format';

describe('money formats', () => {
  it('signs an impact per month and leaves a price unsigned, in the currency given', () => {
    expect(formatMoney(6, 'USD')).toBe('+$6.00');
    expect(formatMoney(-9.5, 'USD')).toBe('-$9.50');
    expect(formatMoney(0, 'USD')).toBe('$0.00');
    expect(formatPrice(3, 'USD')).toBe('$3.00');
  });

  it('shows an amount without a (well-formed) currency as a plain number, and nothing as a dash', () => {
    expect(formatMoney(6, null)).toBe('+6.00');
    expect(formatPrice(3, 'dollars')).toBe('3.00');
    expect(formatMoney(null, 'USD')).toBe('—');
    expect(formatPrice(Number.NaN, 'USD')).toBe('—');
  });
});
