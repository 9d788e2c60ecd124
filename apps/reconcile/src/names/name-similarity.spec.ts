import { looseKey, nameSimilarity, rankCandidates } from './name-similarity';

describe('name matching', () => {
  it('loose key drops punctuation and legal suffixes', () => {
    expect(looseKey('Acme, Dental, LLC')).toBe('acme dental');
    expect(looseKey('ACME DENTAL LTD')).toBe('acme dental');
    expect(looseKey('Inc')).toBe('inc');
  });

  it('scores near names 1, related names high, unrelated names low', () => {
    expect(nameSimilarity('Acme Dental', 'acme-dental, Inc.')).toBe(1);
    expect(nameSimilarity('Acme Dental Group', 'Acme Dental')).toBeGreaterThan(0.7);
    expect(nameSimilarity('Acme Dental', 'Northwind Realty')).toBeLessThan(0.35);
    expect(nameSimilarity('', 'x')).toBe(0);
  });

  it('ranks candidates best first and drops noise', () => {
    const ranked = rankCandidates(
      'Acme Dental',
      [
        { id: 'c1', name: 'Northwind Realty' },
        { id: 'c2', name: 'Acme Dental Group' },
        { id: 'c3', name: 'ACME DENTAL LTD' },
      ],
      3,
    );
    expect(ranked.map((r) => r.id)).toEqual(['c3', 'c2']);
    expect(ranked[0]?.score).toBe(1);
  });
});
