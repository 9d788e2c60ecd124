import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { RotationReport } from '@seatwise/shared/contracts/secrets-rotation';
import type { Logger } from '@seatwise/shared/logging/logger';
import { LOGGER } from '../tokens';
import { SecretCipher } from './secret-cipher';
import { rotateAndLog, type SecretStore } from './secret-rotation';

// The collection whose secrets a service rotates: provide it with `useExisting` its repository.
export const SECRET_STORE = Symbol('SECRET_STORE');

// Every stored secret of the service's SECRET_STORE under the active key, bound to its record: at start, before any
// is used, and when a person asks (`seatwise secrets rotate`). A record whose secret cannot be read fails alone (its
// uses answer SECRETS.KEY_MISSING); the service starts.
@Injectable()
export class StoredSecrets implements OnApplicationBootstrap {
  constructor(
    private readonly cipher: SecretCipher,
    @Inject(SECRET_STORE) private readonly store: SecretStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await rotateAndLog(this.cipher, this.store, this.logger);
  }

  rotate(actor: string): Promise<RotationReport> {
    return rotateAndLog(this.cipher, this.store, this.logger, actor);
  }
}
