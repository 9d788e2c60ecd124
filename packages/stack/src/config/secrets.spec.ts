import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUS_IDENTITIES } from '@seatwise/shared/contracts/bus-identities';
import { generateSecrets, loadOrCreateSecrets, readBusPassword } from './secrets';

describe('stack secrets', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seatwise-secrets-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates a NATS password per bus identity, and keeps them at the next start', () => {
    const path = join(dir, 'secrets.json');
    const first = loadOrCreateSecrets(path);
    expect(first.created).toBe(true);
    expect(Object.keys(first.secrets.busPasswords).sort()).toEqual([...BUS_IDENTITIES].sort());
    const again = loadOrCreateSecrets(path);
    expect(again).toEqual({ secrets: first.secrets, created: false });
    expect(readBusPassword(path, 'duo-connector')).toBe(first.secrets.busPasswords['duo-connector']);
  });

  it('adds what a file from an older version lacks (an identity, the sealing keys) and keeps every stored key', () => {
    const path = join(dir, 'secrets.json');
    const stored = generateSecrets();
    const { subscriber, ...olderPasswords } = stored.busPasswords;
    const older = {
      encryptionKeys: stored.encryptionKeys,
      adminApiKey: stored.adminApiKey,
      busPasswords: olderPasswords,
    };
    writeFileSync(path, JSON.stringify(older));
    const { secrets, created } = loadOrCreateSecrets(path);
    expect(created).toBe(false);
    expect(secrets.encryptionKeys).toBe(stored.encryptionKeys);
    expect(Object.keys(secrets.busPasswords).sort()).toEqual([...BUS_IDENTITIES].sort());
    expect(secrets.busPasswords).toMatchObject(olderPasswords);
    expect(secrets.busPasswords.subscriber).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(secrets.busPasswords.subscriber).not.toBe(subscriber);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(secrets);
  });
});
