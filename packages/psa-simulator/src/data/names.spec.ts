import { Prng } from '@seatwise/duo-simulator/data/hash';
import { COMPANY_SUFFIXES, COMPANY_WORDS } from '@seatwise/duo-simulator/data/catalog';
import { companyIdentifier, extraCompanyName, nearVariant, normalizeCompanyName } from './names';

describe('company names', () => {
  it('normalizes case, punctuation, spacing and a trailing legal suffix', () => {
    expect(normalizeCompanyName('  ACME-Corp, Inc. ')).toBe('acme corp');
    expect(normalizeCompanyName('Acme Corp LLC')).toBe('acme corp');
    expect(normalizeCompanyName('Inc')).toBe('inc');
  });

  it('near variants always differ from the name and always normalize to the same form', () => {
    const prng = new Prng(7);
    for (const word of COMPANY_WORDS) {
      for (const suffix of COMPANY_SUFFIXES) {
        const name = `${word} ${suffix}`;
        const near = nearVariant(prng, name);
        expect(near).not.toBe(name);
        expect(normalizeCompanyName(near)).toBe(normalizeCompanyName(name));
      }
    }
  });

  it('extra names never collide with a Duo name, even once normalized', () => {
    const duo = new Set(COMPANY_WORDS.flatMap((w) => COMPANY_SUFFIXES.map((s) => normalizeCompanyName(`${w} ${s}`))));
    const prng = new Prng(3);
    for (let i = 0; i < 100; i++) expect(duo.has(normalizeCompanyName(extraCompanyName(prng, i)))).toBe(false);
  });

  it('identifiers are space-free, at most 25 chars and unique', () => {
    const taken = new Set<string>();
    expect([
      companyIdentifier('Acme Corp', taken),
      companyIdentifier('ACME CORP', taken),
      companyIdentifier('Acme Corp.', taken),
    ]).toEqual(['AcmeCorp', 'ACMECORP2', 'AcmeCorp3']);
    expect(companyIdentifier('A very long company name that goes on', taken).length).toBeLessThanOrEqual(25);
  });
});
