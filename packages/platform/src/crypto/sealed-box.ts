import { isSealed, SEALED_PREFIX } from '@seatwise/shared/contracts/sealed-secrets';
import { AppError } from '@seatwise/shared/errors/app-error';
import sodium from 'libsodium-wrappers';

// libsodium loads its WebAssembly asynchronously; every use below waits for this once, at start.
export async function sodiumReady(): Promise<void> {
  await sodium.ready;
}

// A secret sealed to `publicKey` (anonymous sender: only the holder of the private key opens it).
export function sealTo(publicKey: Uint8Array, plaintext: string): string {
  return `${SEALED_PREFIX}${Buffer.from(sodium.crypto_box_seal(plaintext, publicKey)).toString('base64')}`;
}

// Opens what was sealed to this service; anything else is returned as it is (a bus client other than the gateway
// may still send a secret in clear).
export class SealedSecretOpener {
  private readonly publicKey: Uint8Array;

  constructor(private readonly privateKey: Uint8Array) {
    this.publicKey = sodium.crypto_scalarmult_base(privateKey);
  }

  open(value: string, field: string): string {
    if (!isSealed(value)) return value;
    const box = Buffer.from(value.slice(SEALED_PREFIX.length), 'base64');
    try {
      return sodium.to_string(sodium.crypto_box_seal_open(box, this.publicKey, this.privateKey));
    } catch {
      // Sealed to another key (the gateway's GATEWAY_SEALING_PUBLIC_KEYS does not match this service's key), or
      // altered: the value is not echoed.
      throw new AppError('SECRETS.UNREADABLE', `The sealed ${field} cannot be opened with this service's sealing key`);
    }
  }
}

// The opener of this process's RPC handlers. Installed once at start (createServiceApp) from the service's sealing
// key: @Rpc wraps handlers where no injection reaches.
let installed: SealedSecretOpener | null = null;

export function installSecretOpener(opener: SealedSecretOpener | null): void {
  installed = opener;
}

// The request with its sealed fields opened, before the contract validates it.
export function openSealedFields(rpc: string, fields: readonly string[] | undefined, payload: unknown): unknown {
  if (!fields || typeof payload !== 'object' || payload === null) return payload;
  const record = payload as Record<string, unknown>;
  const sealed = fields.filter((field) => isSealed(record[field]));
  if (sealed.length === 0) return payload;
  if (!installed) {
    throw new AppError(
      'SECRETS.SEALING_KEY_MISSING',
      `${rpc} carries a sealed secret but this service has no sealing key`,
    );
  }
  const opener = installed;
  return {
    ...record,
    ...Object.fromEntries(sealed.map((field) => [field, opener.open(record[field] as string, field)])),
  };
}
