import { isSecretHolder, type SecretHolder } from './secrets-rotation';

// A secret on the bus is sealed by the gateway to the public key of the one service that stores it (a libsodium
// sealed box, base64, behind this prefix): bus credentials alone never reveal it. The holder opens it before its
// request is validated, so the contracts describe the secret in clear.
export const SEALED_PREFIX = 'sealed:v1:';

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

// The service an RPC belongs to, when it stores secrets (its name's first segment).
export function secretHolderOf(rpcName: string): SecretHolder | null {
  const service = rpcName.slice(0, rpcName.indexOf('.'));
  return isSecretHolder(service) ? service : null;
}
