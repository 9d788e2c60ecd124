import { exactKey } from './exact-key';

describe('exactKey', () => {
  it('ignores case, surrounding and repeated whitespace, and Unicode compatibility forms', () => {
    expect(exactKey('  Acme   Dental ')).toBe(exactKey('ACME DENTAL'));
    expect(exactKey('Ａｃｍｅ\u00a0Dental')).toBe(exactKey('acme dental'));
  });

  it('keeps punctuation and suffixes apart', () => {
    expect(exactKey('Acme Dental Inc.')).not.toBe(exactKey('Acme Dental'));
    expect(exactKey('Acme-Dental')).not.toBe(exactKey('Acme Dental'));
  });
});
