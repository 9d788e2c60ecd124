import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { rotateAndLog } from '@seatwise/platform/crypto/secret-rotation';
import { LOGGER } from '@seatwise/platform/tokens';
import type { Logger } from '@seatwise/shared/logging/logger';
import { PsaConnectionRepository } from './psa-connection.repository';

// Every stored PSA secret under the active key, bound to its connection, before any is used. A connection whose
// secret cannot be read fails alone (its syncs and pushes answer SECRETS.KEY_MISSING); the service starts.
@Injectable()
export class PsaSecretsAtStart implements OnApplicationBootstrap {
  constructor(
    private readonly cipher: SecretCipher,
    private readonly connections: PsaConnectionRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await rotateAndLog(this.cipher, this.connections, this.logger);
  }
}
