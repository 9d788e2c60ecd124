import { createCipheriv, randomBytes } from 'node:crypto';
import type { EncryptedSecret } from '../secret-cipher';

// What SecretCipher wrote before secrets were bound to their record: no associated data, no `bound`.
export function legacySecret(plain: string, keyId: string, key: Buffer): EncryptedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    keyId,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}
