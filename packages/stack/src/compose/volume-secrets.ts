import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { encryptionEnvShape } from '@seatwise/shared/config/encryption-env';
import { BUS_IDENTITIES, type BusIdentity } from '@seatwise/shared/contracts/bus-identities';
import { SECRET_HOLDERS, type SecretHolder } from '@seatwise/shared/contracts/secrets-rotation';
import { generateSealingKeyPair, SEALING_KEY_ENV, type SealingKeyPair } from '@seatwise/shared/crypto/sealing-keys';
import { generateSecrets } from '../config/secrets';
import { parseEnvFile } from './env-file';
import { SECRET_CONSUMERS } from './secret-consumers';
import type { VolumeLayout } from './volume-layout';

// MongoDB's users: root (for the operator) and one per service that has a database.
export const MONGO_ROOT_USER = 'root';
export const MONGO_USERS = [
  MONGO_ROOT_USER,
  ...SECRET_CONSUMERS.filter((c) => c.database !== null).map((c) => c.service),
];

const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
const password = z.string().regex(/^[A-Za-z0-9_-]{32,}$/);
const pairSchema = z.object({ privateKey: base64Key, publicKey: base64Key });

// secrets.json as stored. Records are open so a file written before a service, holder or identity existed still
// reads; whatever it lacks is generated (see complete) and the file rewritten.
const storedSchema = z.object({
  // Several keys (rotation) are allowed, exactly as SEATWISE_ENCRYPTION_KEYS takes them.
  encryptionKeys: z.string().refine((v) => encryptionEnvShape.SEATWISE_ENCRYPTION_KEYS.safeParse(v).success, {
    message: 'must be <keyId>:<base64 of 32 bytes>[,…]',
  }),
  adminApiKey: z.string().min(24),
  sealingKeys: z.record(z.string(), pairSchema).default({}),
  busPasswords: z.record(z.string(), password).default({}),
  mongoPasswords: z.record(z.string(), password).default({}),
});
type StoredSecrets = z.input<typeof storedSchema>;

export interface VolumeSecrets {
  encryptionKeys: string;
  adminApiKey: string;
  sealingKeys: Record<SecretHolder, SealingKeyPair>;
  busPasswords: Record<BusIdentity, string>;
  mongoPasswords: Record<string, string>;
}

export interface LoadedSecrets {
  secrets: VolumeSecrets;
  // created: a new volume (its admin key is new); kept: secrets.json as it was, plus what it lacked (added);
  // upgraded: from an older volume's stack.env, its keys kept.
  origin: 'created' | 'kept' | 'upgraded';
  added: string[];
  // Keys of stack.env not carried over (an operator's own additions): named so they can be moved by hand.
  ignoredLegacyKeys: string[];
}

export function mongoPassword(secrets: VolumeSecrets, user: string): string {
  const found = secrets.mongoPasswords[user];
  if (found === undefined) throw new Error(`no MongoDB password for ${user}`);
  return found;
}

const newPassword = (): string => randomBytes(24).toString('base64url');

function complete(stored: z.output<typeof storedSchema>): { secrets: VolumeSecrets; added: string[] } {
  const added: string[] = [];
  const fill = <K extends string, V>(what: string, keys: readonly K[], have: Record<string, V>, make: () => V) =>
    Object.fromEntries(
      keys.map((key) => {
        const value = have[key];
        if (value !== undefined) return [key, value];
        added.push(`${what} ${key}`);
        return [key, make()];
      }),
    ) as Record<K, V>;
  const secrets: VolumeSecrets = {
    encryptionKeys: stored.encryptionKeys,
    adminApiKey: stored.adminApiKey,
    sealingKeys: fill('sealing key', SECRET_HOLDERS, stored.sealingKeys, generateSealingKeyPair),
    busPasswords: fill('NATS password', BUS_IDENTITIES, stored.busPasswords, newPassword),
    mongoPasswords: fill('MongoDB password', MONGO_USERS, stored.mongoPasswords, newPassword),
  };
  return { secrets, added };
}

// What the single stack.env of an older volume holds that must survive: the encryption keys (stored Duo, PSA
// and webhook secrets stay decryptable), the admin key (it stays valid) and the sealing key pairs.
function fromLegacyEnv(env: Record<string, string>): { stored: StoredSecrets; ignored: string[] } {
  const carried = new Set(['SEATWISE_ENCRYPTION_KEYS', 'SEATWISE_ADMIN_API_KEY', 'GATEWAY_SEALING_PUBLIC_KEYS']);
  const publicKeys = new Map(
    (env['GATEWAY_SEALING_PUBLIC_KEYS'] ?? '').split(',').map((entry) => {
      const [holder = '', key = ''] = entry.split(':');
      return [holder, key] as const;
    }),
  );
  const sealingKeys: Record<string, SealingKeyPair> = {};
  for (const holder of SECRET_HOLDERS) {
    const name = SEALING_KEY_ENV[holder];
    carried.add(name);
    const pair = pairSchema.safeParse({ privateKey: env[name], publicKey: publicKeys.get(holder) });
    if (pair.success) sealingKeys[holder] = pair.data;
  }
  return {
    stored: {
      encryptionKeys: env['SEATWISE_ENCRYPTION_KEYS'] ?? '',
      adminApiKey: env['SEATWISE_ADMIN_API_KEY'] ?? '',
      sealingKeys,
    },
    ignored: Object.keys(env).filter((key) => !carried.has(key)),
  };
}

function parseStored(raw: unknown, from: string): z.output<typeof storedSchema> {
  const parsed = storedSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(
    `${from} is damaged (${issues}): restore it, or remove the volume to start over (stored secrets become unreadable)`,
  );
}

function readIfExists(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

function save(path: string, secrets: VolumeSecrets): void {
  writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
}

// The volume's secrets: generated once, kept ever after (and completed when a newer version needs more).
export function loadOrCreateVolumeSecrets(layout: VolumeLayout): LoadedSecrets {
  const raw = readIfExists(layout.secrets);
  if (raw !== null) {
    let json: unknown = null;
    try {
      json = JSON.parse(raw);
    } catch {
      // reported below as damaged
    }
    const { secrets, added } = complete(parseStored(json, layout.secrets));
    if (added.length > 0) save(layout.secrets, secrets);
    return { secrets, origin: 'kept', added, ignoredLegacyKeys: [] };
  }
  const legacy = readIfExists(layout.legacyEnv);
  if (legacy !== null) {
    const { stored, ignored } = fromLegacyEnv(parseEnvFile(legacy));
    const { secrets, added } = complete(parseStored(stored, layout.legacyEnv));
    save(layout.secrets, secrets);
    return { secrets, origin: 'upgraded', added, ignoredLegacyKeys: ignored };
  }
  // Files derived from a secrets.json that is gone: new passwords would not match what MongoDB already stores.
  const orphans = [...SECRET_CONSUMERS.map((c) => layout.envFile(c.service)), layout.mongoUsers].filter(existsSync);
  if (orphans.length > 0) {
    throw new Error(
      `${layout.secrets} is missing but ${orphans.join(', ')} exist: restore it, or remove the secrets and ` +
        'mongo-data volumes to start over (stored secrets become unreadable)',
    );
  }
  const { secrets } = complete(storedSchema.parse(generateSecrets()));
  save(layout.secrets, secrets);
  return { secrets, origin: 'created', added: [], ignoredLegacyKeys: [] };
}
