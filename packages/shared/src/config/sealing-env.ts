import { z } from 'zod';
import { isSecretHolder, SECRET_HOLDERS, type SecretHolder } from '../contracts/secrets-rotation';

const KEY_BYTES = 32;

const base64Key = (what: string) =>
  z
    .string()
    .trim()
    .transform((raw, ctx) => {
      const key = Buffer.from(raw, 'base64');
      if (key.length !== KEY_BYTES || key.toString('base64') !== raw) {
        ctx.addIssue({ code: 'custom', message: `must be the base64 of a ${KEY_BYTES}-byte X25519 ${what}` });
        return z.NEVER;
      }
      return key;
    });

// A service's private key for the secrets sealed to it on the bus (an X25519 key, as libsodium's crypto_box uses).
export const sealingPrivateKey = base64Key('private key');

// The gateway's `service:base64,…`: the public key of each service that stores secrets.
export const sealingPublicKeys = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    const keys = new Map<SecretHolder, Buffer>();
    for (const entry of raw.split(',').filter((e) => e.trim() !== '')) {
      const [service = '', material = ''] = entry.trim().split(':');
      const parsed = base64Key('public key').safeParse(material);
      if (!isSecretHolder(service) || !parsed.success) {
        ctx.addIssue({
          code: 'custom',
          message: `each entry must be <service>:<base64 of a 32-byte public key>, service one of ${SECRET_HOLDERS.join(', ')}`,
        });
        return z.NEVER;
      }
      keys.set(service, parsed.data);
    }
    return keys;
  });
