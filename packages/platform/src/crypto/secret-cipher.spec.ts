import { randomBytes } from 'node:crypto';
import { SecretCipher } from './secret-cipher';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const cipherWith = (keys: [string, Buffer][], active?: string) =>
  new SecretCipher({ SEATWISE_ENCRYPTION_KEYS: new Map(keys), SEATWISE_ENCRYPTION_KEY_ID: active });

describe('SecretCipher', () => {
  it('round-trips and never stores the plain text', () => {
    const cipher = cipherWith([['k1', k1]]);
    const sealed = cipher.encrypt('super-secret-skey-0123456789');
    expect(JSON.stringify(sealed)).not.toContain('super-secret');
    expect(sealed.keyId).toBe('k1');
    expect(cipher.decrypt(sealed)).toBe('super-secret-skey-0123456789');
  });

  it('reads secrets of an older key after rotation and says they need re-encryption', () => {
    const old = cipherWith([['k1', k1]]).encrypt('s');
    const rotated = cipherWith(
      [
        ['k1', k1],
        ['k2', k2],
      ],
      'k2',
    );
    expect(rotated.decrypt(old)).toBe('s');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.encrypt('s').keyId).toBe('k2');
  });

  it('refuses tampered data and unknown keys with coded errors', () => {
    const cipher = cipherWith([['k1', k1]]);
    const sealed = cipher.encrypt('s');
    expect(() => cipher.decrypt({ ...sealed, data: Buffer.from('x').toString('base64') })).toThrow(
      expect.objectContaining({ code: 'SECRETS.UNREADABLE' }) as Error,
    );
    expect(() => cipher.decrypt({ ...sealed, keyId: 'gone' })).toThrow(
      expect.objectContaining({ code: 'SECRETS.KEY_MISSING' }) as Error,
    );
    expect(() => cipherWith([['k1', k1]], 'k9')).toThrow(/not among/);
  });
});
