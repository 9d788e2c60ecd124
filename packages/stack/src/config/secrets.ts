import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { SECRET_HOLDERS } from '@seatwise/shared/contracts/secrets-rotation';
import { generateSealingKeys } from '@seatwise/shared/crypto/sealing-keys';
import { z } from 'zod';

const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

// Generated once per stack dir, kept with owner-only permissions, reused on every start so stored
// Duo secret keys and PSA private keys stay decryptable and the admin key stays valid.
export const secretsSchema = z.object({
  // SEATWISE_ENCRYPTION_KEYS format: kid:base64(32 bytes)
  encryptionKeys: z.string().regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{44}$/),
  adminApiKey: z.string().min(32),
  // Per service that stores secrets, the key pair the gateway seals them to on the bus. A stack dir from before
  // these keys has none; its next start adds them.
  sealingKeys: z.record(z.enum(SECRET_HOLDERS), z.object({ privateKey: base64Key, publicKey: base64Key })).optional(),
});
export type StackSecrets = z.infer<typeof secretsSchema>;
export type CompleteSecrets = StackSecrets & Required<Pick<StackSecrets, 'sealingKeys'>>;

export function generateSecrets(): CompleteSecrets {
  return {
    encryptionKeys: `k1:${randomBytes(32).toString('base64')}`,
    adminApiKey: `swa_${randomBytes(24).toString('base64url')}`,
    sealingKeys: generateSealingKeys(),
  };
}

export function loadOrCreateSecrets(path: string): { secrets: CompleteSecrets; created: boolean } {
  let raw: string | null = null;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    // first start
  }
  if (raw !== null) {
    const parsed = secretsSchema.safeParse(safeJson(raw));
    if (!parsed.success) {
      throw new Error(`${path} is damaged; restore it or start with --fresh (stored secrets become unreadable)`);
    }
    const { sealingKeys } = parsed.data;
    if (sealingKeys) return { secrets: { ...parsed.data, sealingKeys }, created: false };
    // Written before the sealing keys existed: they are added, the other secrets kept.
    const upgraded = { ...parsed.data, sealingKeys: generateSealingKeys() };
    writeFileSync(path, `${JSON.stringify(upgraded, null, 2)}\n`, { mode: 0o600 });
    return { secrets: upgraded, created: false };
  }
  const secrets = generateSecrets();
  writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return { secrets, created: true };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
