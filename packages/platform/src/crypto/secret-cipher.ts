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

  encrypt(plain: string): EncryptedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.activeKeyId), iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return {
      keyId: this.activeKeyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  decrypt(secret: EncryptedSecret): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key(secret.keyId), Buffer.from(secret.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(secret.tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(secret.data, 'base64')), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new AppError('SECRETS.UNREADABLE', `A stored secret does not decrypt with key ${secret.keyId}`, undefined, {
        cause: error,
      });
    }
  }

  needsRotation(secret: EncryptedSecret): boolean {
    return secret.keyId !== this.activeKeyId;
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) {
      throw new AppError('SECRETS.KEY_MISSING', `Encryption key ${id} is not configured (SEATWISE_ENCRYPTION_KEYS)`);
    }
    return key;
  }
}
