import { randomBytes } from 'node:crypto';
import { legacySecret } from './__fixtures__/legacy-secret';
import { type EncryptedSecret, SecretCipher } from './secret-cipher';
import { rotateSecrets, type SecretStore, type StoredSecret } from './secret-rotation';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const cipherWith = (keys: [string, Buffer][], active: string) =>
  new SecretCipher({ SEATWISE_ENCRYPTION_KEYS: new Map(keys), SEATWISE_ENCRYPTION_KEY_ID: active });
const COLLECTION = 'psa_connections';
const owner = (id: string) => ({ collection: COLLECTION, id });

// A store of records in memory whose replace is the compare-and-set the repositories run on the database;
// `meddle` changes a record between the rotation's read and its write.
class MemoryStore implements SecretStore {
  readonly collection = COLLECTION;
  readonly records = new Map<string, EncryptedSecret>();
  meddle: ((id: string) => void) | null = null;

  storedSecrets(): Promise<StoredSecret[]> {
    return Promise.resolve([...this.records].map(([id, secret]) => ({ id, secret })));
  }

  replaceSecret(id: string, current: EncryptedSecret, next: EncryptedSecret): Promise<boolean> {
    this.meddle?.(id);
    const stored = this.records.get(id);
    if (stored?.data !== current.data || stored.iv !== current.iv) return Promise.resolve(false);
    this.records.set(id, next);
    return Promise.resolve(true);
  }
}

describe('rotateSecrets', () => {
  it('re-encrypts every secret under the active key, bound to its record, and reports per key id', async () => {
    const store = new MemoryStore();
    const before = cipherWith([['k1', k1]], 'k1');
    for (const id of ['c1', 'c2']) store.records.set(id, before.encrypt(`secret-${id}`, owner(id)));
    store.records.set('c3', legacySecret('secret-c3', 'k1', k1));
    const altered = before.encrypt('secret-c5', owner('c5'));
    store.records.set('c5', { ...altered, tag: before.encrypt('x', owner('c5')).tag });
    const after = cipherWith(
      [
        ['k1', k1],
        ['k2', k2],
      ],
      'k2',
    );
    store.records.set('c4', after.encrypt('secret-c4', owner('c4')));

    const report = await rotateSecrets(after, store);

    expect(report).toEqual({
      collection: COLLECTION,
      activeKeyId: 'k2',
      found: { k1: 3, 'k1 (unbound)': 1, k2: 1 },
      held: { k1: 1, k2: 4 },
      rotated: 3,
      changedMeanwhile: 0,
      unreadable: [{ id: 'c5', keyId: 'k1', code: 'SECRETS.UNREADABLE' }],
    });
    for (const id of ['c1', 'c2', 'c3', 'c4']) {
      const secret = store.records.get(id)!;
      expect(secret).toMatchObject({ keyId: 'k2', bound: true });
      expect(after.decrypt(secret, owner(id))).toBe(`secret-${id}`);
    }
    expect(await rotateSecrets(after, store)).toMatchObject({ found: { k1: 1, k2: 4 }, rotated: 0 });
  });

  it('leaves a record under a missing key as it is, and one changed meanwhile to its writer', async () => {
    const store = new MemoryStore();
    const old = cipherWith([['k1', k1]], 'k1');
    store.records.set('gone', old.encrypt('a', owner('gone')));
    store.records.set('edited', old.encrypt('b', owner('edited')));
    const onlyK2 = cipherWith([['k2', k2]], 'k2');
    const withBoth = cipherWith(
      [
        ['k1', k1],
        ['k2', k2],
      ],
      'k2',
    );
    const edit = withBoth.encrypt('b2', owner('edited'));
    store.meddle = (id) => {
      if (id === 'edited') store.records.set(id, edit);
    };

    const missing = await rotateSecrets(onlyK2, store);
    expect(missing.held).toEqual({ k1: 2 });
    expect(missing.unreadable).toEqual([
      { id: 'gone', keyId: 'k1', code: 'SECRETS.KEY_MISSING' },
      { id: 'edited', keyId: 'k1', code: 'SECRETS.KEY_MISSING' },
    ]);
    expect(store.records.get('gone')?.keyId).toBe('k1');

    const raced = await rotateSecrets(withBoth, store);
    expect(raced).toMatchObject({ held: { k2: 2 }, rotated: 1, changedMeanwhile: 1, unreadable: [] });
    expect(withBoth.decrypt(store.records.get('edited')!, owner('edited'))).toBe('b2');
  });
});
