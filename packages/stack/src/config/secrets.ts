import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

// Generated once per stack dir, kept with owner-only permissions, reused on every start so stored
// Duo secret keys and PSA private keys stay decryptable and the admin key stays valid.
export const secretsSchema = z.object({
  // SEATWISE_ENCRYPTION_KEYS format: kid:base64(32 bytes)
  encryptionKeys: z.string().regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{44}$/),
  adminApiKey: z.string().min(32),
});
export type StackSecrets = z.infer<typeof secretsSchema>;

export function generateSecrets(): StackSecrets {
  return {
    encryptionKeys: `k1:${randomBytes(32).toString('base64')}`,
    adminApiKey: `swa_${randomBytes(24).toString('base64url')}`,
  };
}

export function loadOrCreateSecrets(path: string): { secrets: StackSecrets; created: boolean } {
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
    return { secrets: parsed.data, created: false };
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
