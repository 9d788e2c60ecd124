import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { rotateAndLog } from '@seatwise/platform/crypto/secret-rotation';
import { LOGGER } from '@seatwise/platform/tokens';
import type { Logger } from '@seatwise/shared/logging/logger';
import { ChannelRepository } from './channel.repository';

// Every webhook secret under the active key, bound to its channel, before any is used. A channel whose secret
// cannot be read fails alone (its deliveries record SECRETS.KEY_MISSING); the service starts.
@Injectable()
export class ChannelSecretsAtStart implements OnApplicationBootstrap {
  constructor(
    private readonly cipher: SecretCipher,
    private readonly channels: ChannelRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await rotateAndLog(this.cipher, this.channels, this.logger);
  }
}
