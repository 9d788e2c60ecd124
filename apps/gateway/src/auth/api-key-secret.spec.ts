import { generateKey, hashKey, prefixOf, sameHash } from './api-key-secret';

describe('API key secrets', () => {
  it('generates distinct keys whose prefix and hash identify them', () => {
    const a = generateKey();
    const b = generateKey();
    expect(a.key).not.toBe(b.key);
    expect(a.key.startsWith(a.prefix)).toBe(true);
    expect(prefixOf(a.key)).toBe(a.prefix);
    expect(a.hash).toBe(hashKey(a.key));
    expect(a.hash).not.toContain(a.key.slice(13));
  });

  it('recognises only well-formed keys', () => {
    expect(prefixOf('swk_short_x')).toBeNull();
    expect(prefixOf('bearer-token')).toBeNull();
  });

  it('compares hashes', () => {
    expect(sameHash(hashKey('a'), hashKey('a'))).toBe(true);
    expect(sameHash(hashKey('a'), hashKey('b'))).toBe(false);
    expect(sameHash(hashKey('a'), 'abcd')).toBe(false);
  });
});
