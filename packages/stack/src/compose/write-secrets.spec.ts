import 'reflect-metadata';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from '@peculiar/x509';
import { generateSealingKeys, sealingEnv } from '@seatwise/shared/crypto/sealing-keys';
import { parseEnvFile } from './env-file';
import { volumeFiles } from './volume-files';
import { volumeLayout } from './volume-layout';
import type { VolumeSecrets } from './volume-secrets';
import { writeComposeSecrets } from './write-secrets';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seatwise-write-secrets-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const read = (path: string): string => readFileSync(path, 'utf8');
const env = (dir: string, service: string): Record<string, string> =>
  parseEnvFile(read(volumeLayout(dir).envFile(service)));

// Every file of the volume by path, with its content.
function snapshot(dir: string, secrets: VolumeSecrets): Record<string, string> {
  const layout = volumeLayout(dir);
  const keys = [layout.secrets, layout.caCert, layout.caKey, layout.natsCert, layout.natsKey];
  const derived = volumeFiles(layout, secrets).flatMap((f) => (f.content === undefined ? [] : [f.path]));
  return Object.fromEntries([...keys, ...derived].map((path) => [path, read(path)]));
}

// The single env file every service sourced before, as the previous writer made it.
function legacyStackEnv(withSealing: boolean): { text: string; encryptionKeys: string; adminApiKey: string } {
  const encryptionKeys = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
  const adminApiKey = 'swa_an-admin-key-from-an-older-volume-000';
  const sealing = withSealing ? sealingEnv(generateSealingKeys()) : {};
  const lines = [`SEATWISE_ENCRYPTION_KEYS=${encryptionKeys}`, `SEATWISE_ADMIN_API_KEY=${adminApiKey}`];
  lines.push(...Object.entries(sealing).map(([key, value]) => `${key}=${value}`));
  return { text: `${lines.join('\n')}\n`, encryptionKeys, adminApiKey };
}

describe('writeComposeSecrets', () => {
  it('generates every key once; a second run keeps them, and the certificates, and writes nothing', async () => {
    const dir = tempDir();
    const first = await writeComposeSecrets(dir);
    expect(first.origin).toBe('created');
    const before = snapshot(dir, first.secrets);
    const second = await writeComposeSecrets(dir);
    expect(second).toMatchObject({ origin: 'kept', added: [], written: [] });
    expect(snapshot(dir, second.secrets)).toEqual(before);
    expect(second.secrets).toEqual(first.secrets);
  });

  it('writes a removed or altered file again from the same keys', async () => {
    const dir = tempDir();
    const layout = volumeLayout(dir);
    const { secrets } = await writeComposeSecrets(dir);
    const before = snapshot(dir, secrets);
    unlinkSync(layout.envFile('gateway'));
    writeFileSync(layout.natsConfig, '{}');
    const again = await writeComposeSecrets(dir);
    expect(again.written.sort()).toEqual([layout.envFile('gateway'), layout.natsConfig].sort());
    expect(snapshot(dir, again.secrets)).toEqual(before);
  });

  it("upgrades an older volume's stack.env: its encryption, admin and sealing keys are kept, the file removed", async () => {
    const dir = tempDir();
    const layout = volumeLayout(dir);
    const legacy = legacyStackEnv(true);
    // An operator's own addition is named, not silently dropped.
    writeFileSync(layout.legacyEnv, `${legacy.text}SEATWISE_ENCRYPTION_KEY_ID=k1\n`, { mode: 0o600 });
    const old = parseEnvFile(legacy.text);
    const result = await writeComposeSecrets(dir);
    expect(result.origin).toBe('upgraded');
    expect(result.ignoredLegacyKeys).toEqual(['SEATWISE_ENCRYPTION_KEY_ID']);
    expect(result.added.filter((a) => a.startsWith('sealing key'))).toEqual([]);
    expect(existsSync(layout.legacyEnv)).toBe(false);
    for (const holder of ['duo-connector', 'reconcile', 'alerts']) {
      expect(env(dir, holder)['SEATWISE_ENCRYPTION_KEYS']).toBe(legacy.encryptionKeys);
    }
    expect(env(dir, 'duo-connector')['CONNECTOR_SEALING_KEY']).toBe(old['CONNECTOR_SEALING_KEY']);
    expect(env(dir, 'alerts')['ALERTS_SEALING_KEY']).toBe(old['ALERTS_SEALING_KEY']);
    expect(env(dir, 'gateway')).toMatchObject({
      SEATWISE_ADMIN_API_KEY: legacy.adminApiKey,
      GATEWAY_SEALING_PUBLIC_KEYS: old['GATEWAY_SEALING_PUBLIC_KEYS'],
    });
    expect(env(dir, 'demo')['SEATWISE_ADMIN_API_KEY']).toBe(legacy.adminApiKey);
    // Then it is a volume like any other.
    expect((await writeComposeSecrets(dir)).origin).toBe('kept');
  });

  it('upgrades the oldest stack.env, from before the sealing keys, generating them', async () => {
    const dir = tempDir();
    const legacy = legacyStackEnv(false);
    writeFileSync(volumeLayout(dir).legacyEnv, legacy.text, { mode: 0o600 });
    const result = await writeComposeSecrets(dir);
    expect(result.added).toEqual(
      expect.arrayContaining(['sealing key duo-connector', 'sealing key reconcile', 'sealing key alerts']),
    );
    expect(env(dir, 'reconcile')['SEATWISE_ENCRYPTION_KEYS']).toBe(legacy.encryptionKeys);
    expect(env(dir, 'reconcile')['RECONCILE_SEALING_KEY']).toBe(result.secrets.sealingKeys.reconcile.privateKey);
  });

  it('completes a secrets.json that lacks what a newer version needs, keeping the rest', async () => {
    const dir = tempDir();
    const layout = volumeLayout(dir);
    const first = await writeComposeSecrets(dir);
    const stored = JSON.parse(read(layout.secrets)) as {
      busPasswords: Record<string, string>;
      mongoPasswords: Record<string, string>;
    };
    delete stored.busPasswords['alerts'];
    delete stored.mongoPasswords['alerts'];
    writeFileSync(layout.secrets, JSON.stringify(stored));
    const again = await writeComposeSecrets(dir);
    expect(again).toMatchObject({ origin: 'kept', added: ['NATS password alerts', 'MongoDB password alerts'] });
    expect(again.secrets.busPasswords.gateway).toBe(first.secrets.busPasswords.gateway);
    expect(again.secrets.encryptionKeys).toBe(first.secrets.encryptionKeys);
    expect(again.secrets.busPasswords.alerts).not.toBe(first.secrets.busPasswords.alerts);
  });

  it('refuses to start over when secrets.json is gone but files made from it remain', async () => {
    const dir = tempDir();
    await writeComposeSecrets(dir);
    unlinkSync(volumeLayout(dir).secrets);
    await expect(writeComposeSecrets(dir)).rejects.toThrow(/secrets\.json is missing but .*gateway\.env/);
  });

  it('refuses a damaged secrets.json instead of replacing its keys', async () => {
    const dir = tempDir();
    writeFileSync(volumeLayout(dir).secrets, '{"encryptionKeys": "nope"');
    await expect(writeComposeSecrets(dir)).rejects.toThrow(/secrets\.json is damaged/);
  });

  it('issues the NATS certificate anew, under the same CA, near its end or when another CA signed it', async () => {
    const dir = tempDir();
    const layout = volumeLayout(dir);
    const now = new Date('2026-01-01T00:00:00Z');
    await writeComposeSecrets(dir, { now });
    const ca = read(layout.caCert);
    const first = new X509Certificate(read(layout.natsCert));
    expect((await writeComposeSecrets(dir, { now: new Date('2027-06-01T00:00:00Z') })).written).toEqual([]);

    const nearEnd = new Date(first.notAfter.getTime() - 10 * 24 * 3600 * 1000);
    const renewed = await writeComposeSecrets(dir, { now: nearEnd });
    expect(renewed.written.sort()).toEqual([layout.natsCert, layout.natsKey].sort());
    expect(read(layout.caCert)).toBe(ca);
    const second = new X509Certificate(read(layout.natsCert));
    expect(second.notAfter.getTime()).toBeGreaterThan(first.notAfter.getTime());
    expect(await second.verify({ publicKey: new X509Certificate(ca).publicKey, signatureOnly: true })).toBe(true);

    const other = tempDir();
    await writeComposeSecrets(other);
    copyFileSync(volumeLayout(other).natsCert, layout.natsCert);
    expect((await writeComposeSecrets(dir, { now: nearEnd })).written).toContain(layout.natsCert);
  });

  // Compose runs the writer as root; so does CI. Elsewhere the files cannot be given away.
  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('gives each file to the user that reads it, with owner-only access to every secret', async () => {
    const dir = tempDir();
    const { secrets } = await writeComposeSecrets(dir, { owners: true });
    for (const file of volumeFiles(volumeLayout(dir), secrets)) {
      const stat = statSync(file.path);
      expect({ path: file.path, uid: stat.uid, gid: stat.gid, mode: stat.mode & 0o777 }).toEqual({
        path: file.path,
        uid: file.owner,
        gid: file.owner,
        mode: file.mode,
      });
    }
  });
});
