import { Inject, Injectable } from '@nestjs/common';
import { APP_ENV } from '../tokens';
import { AppError } from '@seatwise/shared/errors/app-error';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionEnv } from '@seatwise/shared/config/encryption-env';

export interface EncryptedSecret {
  keyId: string;
  iv: string;
  tag: string;
  data: string;
  // Encrypted with its owner (collection and record id) as associated data. Absent on secrets written before that:
  // they are read without it, and count as needing rotation until they are written again bound.
  bound?: boolean;
}

// Where a secret is stored: a ciphertext decrypts only there, so one cannot be copied to another record (or
// collection) by whoever can write the database but holds no key.
export interface SecretOwner {
  collection: string;
  id: string;
}

const ALGORITHM = 'aes-256-gcm';

function associatedData(owner: SecretOwner): Buffer {
  // JSON keeps the two parts apart whatever they contain.
  return Buffer.from(JSON.stringify([owner.collection, owner.id]), 'utf8');
}

// AES-256-GCM with a key id per secret, so keys can rotate: new secrets use the active key, old ones
// stay readable while their key is still configured, and can be re-encrypted under the active key.
@Injectable()
export class SecretCipher {
  readonly activeKeyId: string;
  private readonly keys: Map<string, Buffer>;

  constructor(@Inject(APP_ENV) env: EncryptionEnv) {
    this.keys = env.SEATWISE_ENCRYPTION_KEYS;
    const active = env.SEATWISE_ENCRYPTION_KEY_ID ?? [...this.keys.keys()][0];
    if (!active || !this.keys.has(active)) {
      throw new AppError(
        'CONFIG.INVALID',
        `SEATWISE_ENCRYPTION_KEY_ID ${active ?? '(none)'} is not among SEATWISE_ENCRYPTION_KEYS`,
      );
    }
    this.activeKeyId = active;
  }

  encrypt(plain: string, owner: SecretOwner): EncryptedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.key(this.activeKeyId), iv);
    cipher.setAAD(associatedData(owner));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return {
      keyId: this.activeKeyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
      bound: true,
    };
  }

  // SECRETS.KEY_MISSING when its key is not configured; SECRETS.UNREADABLE when it was altered, or stored for
  // another owner.
  decrypt(secret: EncryptedSecret, owner: SecretOwner): string {
    const decipher = createDecipheriv(ALGORITHM, this.key(secret.keyId), Buffer.from(secret.iv, 'base64'));
    if (secret.bound === true) decipher.setAAD(associatedData(owner));
    decipher.setAuthTag(Buffer.from(secret.tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(secret.data, 'base64')), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new AppError(
        'SECRETS.UNREADABLE',
        `The secret of ${owner.collection} ${owner.id} does not decrypt with key ${secret.keyId}`,
        undefined,
        { cause: error },
      );
    }
  }

  // Under a key that is not the active one, or not yet bound to its owner.
  needsRotation(secret: EncryptedSecret): boolean {
    return secret.keyId !== this.activeKeyId || secret.bound !== true;
  }

  // The secret under the active key, bound to its owner (SECRETS.* when it cannot be read).
  rotated(secret: EncryptedSecret, owner: SecretOwner): EncryptedSecret {
    return this.encrypt(this.decrypt(secret, owner), owner);
  }

  hasKey(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) {
      throw new AppError('SECRETS.KEY_MISSING', `Encryption key ${id} is not configured (SEATWISE_ENCRYPTION_KEYS)`);
    }
    return key;
  }
}
