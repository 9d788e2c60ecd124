import { randomBytes } from 'node:crypto';
import { legacySecret } from './__fixtures__/legacy-secret';
import { SecretCipher } from './secret-cipher';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const cipherWith = (keys: [string, Buffer][], active?: string) =>
  new SecretCipher({ SEATWISE_ENCRYPTION_KEYS: new Map(keys), SEATWISE_ENCRYPTION_KEY_ID: active });
const acme = { collection: 'integrations', id: 'int_acme' };
const blue = { collection: 'integrations', id: 'int_blue' };

describe('SecretCipher', () => {
  it('round-trips and never stores the plain text', () => {
    const cipher = cipherWith([['k1', k1]]);
    const sealed = cipher.encrypt('super-secret-skey-0123456789', acme);
    expect(JSON.stringify(sealed)).not.toContain('super-secret');
    expect(sealed).toMatchObject({ keyId: 'k1', bound: true });
    expect(cipher.decrypt(sealed, acme)).toBe('super-secret-skey-0123456789');
    expect(cipher.needsRotation(sealed)).toBe(false);
  });

  it("refuses a secret copied to another record or collection (the owner is the ciphertext's associated data)", () => {
    const cipher = cipherWith([['k1', k1]]);
    const sealed = cipher.encrypt('s', acme);
    for (const elsewhere of [blue, { collection: 'psa_connections', id: 'int_acme' }]) {
      expect(() => cipher.decrypt(sealed, elsewhere)).toThrow(
        expect.objectContaining({ code: 'SECRETS.UNREADABLE' }) as Error,
      );
    }
    // Dropping the flag does not help: the tag was made with the owner.
    const { bound: _bound, ...unflagged } = sealed;
    expect(() => cipher.decrypt(unflagged, blue)).toThrow(
      expect.objectContaining({ code: 'SECRETS.UNREADABLE' }) as Error,
    );
  });

  it('reads secrets written before binding, and rotates them to bound ones under the active key', () => {
    const old = legacySecret('s', 'k1', k1);
    const rotated = cipherWith(
      [
        ['k1', k1],
        ['k2', k2],
      ],
      'k2',
    );
    expect(rotated.decrypt(old, acme)).toBe('s');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(cipherWith([['k1', k1]]).needsRotation(old)).toBe(true);
    const fresh = rotated.rotated(old, acme);
    expect(fresh).toMatchObject({ keyId: 'k2', bound: true });
    expect(rotated.decrypt(fresh, acme)).toBe('s');
    expect(rotated.needsRotation(fresh)).toBe(false);
  });

  it('refuses tampered data and unknown keys with coded errors', () => {
    const cipher = cipherWith([['k1', k1]]);
    const sealed = cipher.encrypt('s', acme);
    expect(() => cipher.decrypt({ ...sealed, data: Buffer.from('x').toString('base64') }, acme)).toThrow(
      expect.objectContaining({ code: 'SECRETS.UNREADABLE' }) as Error,
    );
    expect(() => cipher.decrypt({ ...sealed, keyId: 'gone' }, acme)).toThrow(
      expect.objectContaining({ code: 'SECRETS.KEY_MISSING' }) as Error,
    );
    expect(cipher.hasKey('k1')).toBe(true);
    expect(cipher.hasKey('gone')).toBe(false);
    expect(() => cipherWith([['k1', k1]], 'k9')).toThrow(/not among/);
  });
});
