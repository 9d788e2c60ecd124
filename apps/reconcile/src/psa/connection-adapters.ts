import { Injectable } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { PsaAdapter } from './psa-adapter';
import { PsaConnectionRepository } from './psa-connection.repository';
import { PsaCredentials } from './psa-credentials';

// The adapter of a stored PSA connection; secrets are rotated to the active key as they are read.
@Injectable()
export class ConnectionAdapters {
  constructor(
    private readonly repository: PsaConnectionRepository,
    private readonly psaCredentials: PsaCredentials,
    private readonly cipher: SecretCipher,
  ) {}

  async adapterFor(connectionId: string): Promise<PsaAdapter> {
    const doc = await this.repository.mustFind(connectionId);
    if (doc.kind === 'import' || !doc.secret) {
      throw new AppError(
        'RECONCILE.CONNECTION_INVALID_STATE',
        `Connection ${connectionId} is an import: there is no PSA to call`,
      );
    }
    if (this.cipher.needsRotation(doc.secret)) {
      await this.repository.update(doc._id, { secret: this.cipher.encrypt(this.cipher.decrypt(doc.secret)) });
    }
    return this.psaCredentials.adapter(this.psaCredentials.stored(doc));
  }
}
