import type { RotationReport } from '@seatwise/shared/contracts/secrets-rotation';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import type { EncryptedSecret, SecretCipher, SecretOwner } from './secret-cipher';

export interface StoredSecret {
  id: string;
  secret: EncryptedSecret;
}

// A collection whose records hold one encrypted secret each, as the rotation sees it.
export interface SecretStore {
  readonly collection: string;
  storedSecrets(): Promise<StoredSecret[]>;
  // Writes `next` only while the record still holds `current` (compare-and-set on the ciphertext): a record another
  // writer changed meanwhile is left to that writer.
  replaceSecret(id: string, current: EncryptedSecret, next: EncryptedSecret): Promise<boolean>;
}

function count(counts: Record<string, number>, label: string, by = 1): void {
  const next = (counts[label] ?? 0) + by;
  if (next === 0) Reflect.deleteProperty(counts, label);
  else counts[label] = next;
}

export function keyLabel(secret: EncryptedSecret): string {
  return secret.bound === true ? secret.keyId : `${secret.keyId} (unbound)`;
}

// Re-encrypts every secret of a store under the active key, bound to its record; each write is conditional on the
// ciphertext read, so concurrent rotations (two replicas starting) and edits never overwrite each other. A secret
// that cannot be read is reported and left as it is: its record alone is unusable until the key is configured.
export async function rotateSecrets(cipher: SecretCipher, store: SecretStore): Promise<RotationReport> {
  const report: RotationReport = {
    collection: store.collection,
    activeKeyId: cipher.activeKeyId,
    found: {},
    held: {},
    rotated: 0,
    changedMeanwhile: 0,
    unreadable: [],
  };
  for (const { id, secret } of await store.storedSecrets()) {
    const label = keyLabel(secret);
    count(report.found, label);
    count(report.held, cipher.needsRotation(secret) ? cipher.activeKeyId : label);
    if (!cipher.needsRotation(secret)) continue;
    const owner: SecretOwner = { collection: store.collection, id };
    let next: EncryptedSecret;
    try {
      next = cipher.rotated(secret, owner);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      report.unreadable.push({ id, keyId: secret.keyId, code: error.code });
      count(report.held, cipher.activeKeyId, -1);
      count(report.held, label);
      continue;
    }
    if (await store.replaceSecret(id, secret, next)) report.rotated++;
    else report.changedMeanwhile++;
  }
  return report;
}

// A rotation, logged when it changed something or found a secret it cannot read (each such record is unusable, with
// SECRETS.KEY_MISSING or SECRETS.UNREADABLE, until its key is configured or its secret given again), and always when a
// person asked for it (`seatwise secrets rotate`: `actor` names them).
export async function rotateAndLog(
  cipher: SecretCipher,
  store: SecretStore,
  logger: Logger,
  actor?: string,
): Promise<RotationReport> {
  const report = await rotateSecrets(cipher, store);
  const fields = { secrets: report, actor };
  if (report.unreadable.length > 0) logger.warn(fields, 'stored secrets cannot be read');
  else if (report.rotated > 0 || actor) logger.info(fields, 'stored secrets rotated to the active key');
  return report;
}
