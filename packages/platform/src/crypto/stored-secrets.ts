import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@seatwise/shared/logging/logger';
import { LOGGER } from '../tokens';
import { SecretCipher } from './secret-cipher';
import { rotateAndLog, type SecretStore } from './secret-rotation';

// The collection whose secrets a service rotates at start: provide it with `useExisting` its repository.
export const SECRET_STORE = Symbol('SECRET_STORE');

// Every stored secret of the service's SECRET_STORE under the active key, bound to its record, before any is used.
// A record whose secret cannot be read fails alone (its uses answer SECRETS.KEY_MISSING); the service starts.
@Injectable()
export class SecretsAtStart implements OnApplicationBootstrap {
  constructor(
    private readonly cipher: SecretCipher,
    @Inject(SECRET_STORE) private readonly store: SecretStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await rotateAndLog(this.cipher, this.store, this.logger);
  }
}
