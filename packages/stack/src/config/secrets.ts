import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { BUS_IDENTITIES, type BusIdentity } from '@seatwise/shared/contracts/bus-identities';
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
  // Per bus identity (each service and the stream provisioner), its NATS password. Added to an older stack dir
  // at its next start, like the sealing keys.
  // An identity added since the file was written gets its password at the next start.
  busPasswords: z.partialRecord(z.enum(BUS_IDENTITIES), z.string().regex(/^[A-Za-z0-9_-]{32,}$/)).optional(),
});
export type StackSecrets = z.infer<typeof secretsSchema>;
export type CompleteSecrets = Omit<StackSecrets, 'sealingKeys' | 'busPasswords'> &
  Required<Pick<StackSecrets, 'sealingKeys'>> & { busPasswords: Record<BusIdentity, string> };

// The stored passwords, with one generated for each identity that has none.
export function generateBusPasswords(stored: Partial<Record<BusIdentity, string>> = {}): Record<BusIdentity, string> {
  return Object.fromEntries(
    BUS_IDENTITIES.map((id) => [id, stored[id] ?? randomBytes(24).toString('base64url')]),
  ) as Record<BusIdentity, string>;
}

export function generateSecrets(): CompleteSecrets {
  return {
    encryptionKeys: `k1:${randomBytes(32).toString('base64')}`,
    adminApiKey: `swa_${randomBytes(24).toString('base64url')}`,
    sealingKeys: generateSealingKeys(),
    busPasswords: generateBusPasswords(),
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
    const { sealingKeys, busPasswords } = parsed.data;
    const complete = sealingKeys && busPasswords && BUS_IDENTITIES.every((id) => busPasswords[id] !== undefined);
    if (complete) {
      return {
        secrets: { ...parsed.data, sealingKeys, busPasswords: generateBusPasswords(busPasswords) },
        created: false,
      };
    }
    // Written before the sealing keys or a bus identity existed: they are added, the other secrets kept.
    const upgraded = {
      ...parsed.data,
      sealingKeys: sealingKeys ?? generateSealingKeys(),
      busPasswords: generateBusPasswords(busPasswords),
    };
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

// A bus identity's password from a stack dir's secrets.json (tools that stand in for a service, e.g. the
// console bench publishing Duo snapshots as the connector would).
export function readBusPassword(path: string, identity: BusIdentity): string {
  const parsed = secretsSchema.safeParse(safeJson(readFileSync(path, 'utf8')));
  const password = parsed.success ? parsed.data.busPasswords?.[identity] : undefined;
  if (password === undefined) throw new Error(`${path} holds no bus password for ${identity}`);
  return password;
}
