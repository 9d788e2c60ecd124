import { generateKeyPairSync } from 'node:crypto';
import { SECRET_HOLDERS, type SecretHolder } from '../contracts/secrets-rotation';

// The env names of each secret holder's private sealing key (its service's own prefix).
export const SEALING_KEY_ENV: Readonly<Record<SecretHolder, string>> = {
  'duo-connector': 'CONNECTOR_SEALING_KEY',
  reconcile: 'RECONCILE_SEALING_KEY',
  alerts: 'ALERTS_SEALING_KEY',
};

export interface SealingKeyPair {
  privateKey: string; // base64 of the raw 32-byte X25519 key
  publicKey: string;
}

// An X25519 key pair as libsodium's crypto_box uses it (the raw scalar and its public point).
export function generateSealingKeyPair(): SealingKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const raw = (jwk: { d?: string; x?: string }, part: 'd' | 'x') =>
    Buffer.from(jwk[part] ?? '', 'base64url').toString('base64');
  return {
    privateKey: raw(privateKey.export({ format: 'jwk' }), 'd'),
    publicKey: raw(publicKey.export({ format: 'jwk' }), 'x'),
  };
}

// What each service of a deployment is given: every holder its private key, the gateway every public key.
export function sealingEnv(pairs: Readonly<Record<SecretHolder, SealingKeyPair>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const holder of SECRET_HOLDERS) env[SEALING_KEY_ENV[holder]] = pairs[holder].privateKey;
  env['GATEWAY_SEALING_PUBLIC_KEYS'] = SECRET_HOLDERS.map((holder) => `${holder}:${pairs[holder].publicKey}`).join(',');
  return env;
}

export function generateSealingKeys(): Record<SecretHolder, SealingKeyPair> {
  return {
    'duo-connector': generateSealingKeyPair(),
    reconcile: generateSealingKeyPair(),
    alerts: generateSealingKeyPair(),
  };
}
