import { Injectable } from '@nestjs/common';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { PsaAdapter } from './psa-adapter';
import { PsaConnectionRepository } from './psa-connection.repository';
import { PsaCredentials } from './psa-credentials';

// The adapter of a stored PSA connection (its secret was rotated to the active key at start: StoredSecrets).
@Injectable()
export class ConnectionAdapters {
  constructor(
    private readonly repository: PsaConnectionRepository,
    private readonly psaCredentials: PsaCredentials,
  ) {}

  async adapterFor(connectionId: string): Promise<PsaAdapter> {
    const doc = await this.repository.mustFind(connectionId);
    if (doc.kind === 'import' || !doc.secret) {
      throw new AppError(
        'RECONCILE.CONNECTION_INVALID_STATE',
        `Connection ${connectionId} is an import: there is no PSA to call`,
      );
    }
    return this.psaCredentials.adapter(this.psaCredentials.stored(doc));
  }
}
