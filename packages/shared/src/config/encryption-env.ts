import { z } from 'zod';

// `kid:base64key[,kid:base64key…]`, each key 32 bytes; the active one encrypts, all of them decrypt.
const encryptionKeys = z
  .string()
  .min(1)
  .transform((raw, ctx) => {
    const keys = new Map<string, Buffer>();
    for (const entry of raw.split(',')) {
      const [id, material] = entry.trim().split(':');
      const key = material ? Buffer.from(material, 'base64') : Buffer.alloc(0);
      if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
        ctx.addIssue({
          code: 'custom',
          message: 'each entry must be <keyId>:<base64 of 32 random bytes>, e.g. k1:$(openssl rand -base64 32)',
        });
        return z.NEVER;
      }
      keys.set(id, key);
    }
    return keys;
  });

// Env keys of every service that stores third-party secrets (Duo secret keys, PSA private keys).
export const encryptionEnvShape = {
  SEATWISE_ENCRYPTION_KEYS: encryptionKeys,
  SEATWISE_ENCRYPTION_KEY_ID: z.string().optional(),
};

export const encryptionEnvSchema = z.object(encryptionEnvShape);
export type EncryptionEnv = z.infer<typeof encryptionEnvSchema>;
