import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { sealTo, sodiumReady } from '@seatwise/platform/crypto/sealed-box';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import { rpcs, type RpcName } from '@seatwise/shared/contracts/rpcs';
import { isSealed, secretHolderOf } from '@seatwise/shared/contracts/sealed-secrets';
import { AppError } from '@seatwise/shared/errors/app-error';

// Seals the secret fields of a request (those its contract lists) to the public key of the service that stores
// them, so no bus credential reveals a Duo secret key, a PSA key or a webhook secret. Without that service's key the
// request is refused: a secret never crosses the bus in clear from the gateway.
@Injectable()
export class SecretSealer implements OnModuleInit {
  constructor(@Inject(APP_ENV) private readonly env: Env) {}

  async onModuleInit(): Promise<void> {
    await sodiumReady();
  }

  // `data` is a request as validated against its contract.
  sealed(name: RpcName, data: unknown): unknown {
    const fields: readonly string[] = (rpcs[name] as { sealed?: readonly string[] }).sealed ?? [];
    if (fields.length === 0 || typeof data !== 'object' || data === null) return data;
    const record = data as Record<string, unknown>;
    const present = fields.filter((field) => typeof record[field] === 'string' && !isSealed(record[field]));
    if (present.length === 0) return data;
    const holder = secretHolderOf(name);
    const key = holder ? this.env.GATEWAY_SEALING_PUBLIC_KEYS?.get(holder) : undefined;
    if (!holder || !key) {
      throw new AppError(
        'SECRETS.SEALING_KEY_MISSING',
        `The gateway has no sealing key for ${holder ?? name} (GATEWAY_SEALING_PUBLIC_KEYS): secrets are never sent in clear`,
      );
    }
    const sealed = Object.fromEntries(present.map((field) => [field, sealTo(key, record[field] as string)]));
    return { ...record, ...sealed };
  }
}
