import { Injectable } from '@nestjs/common';
import { AppError } from '@seatwise/shared/errors/app-error';
import { PsaAdapterFactory } from './psa-adapter.factory';
import { type PsaConnectionDoc, PsaConnectionRepository } from './psa-connection.repository';
import { PsaCredentials } from './psa-credentials';
import type { TicketPort } from './ticket-port';

// The ticket port of a stored connection: ConnectWise only (RECONCILE.TICKETS_UNSUPPORTED for the other PSAs,
// RECONCILE.TICKET_NO_CONNECTION for an import, which has no PSA to call).
@Injectable()
export class TicketPorts {
  constructor(
    private readonly repository: PsaConnectionRepository,
    private readonly credentials: PsaCredentials,
    private readonly factory: PsaAdapterFactory,
  ) {}

  async portFor(connectionId: string): Promise<TicketPort> {
    return this.portOf(await this.repository.mustFind(connectionId));
  }

  portOf(doc: PsaConnectionDoc): TicketPort {
    if (doc.kind === 'import' || !doc.secret) {
      throw new AppError(
        'RECONCILE.TICKET_NO_CONNECTION',
        `Connection ${doc._id} is an import: there is no PSA to file tickets in`,
      );
    }
    const credentials = doc.kind === 'connectwise' ? this.credentials.stored(doc) : null;
    if (credentials?.kind !== 'connectwise') {
      throw new AppError(
        'RECONCILE.TICKETS_UNSUPPORTED',
        `Connection ${doc._id} is ${doc.kind}: only ConnectWise connections file service tickets`,
      );
    }
    return this.factory.connectWiseTickets(credentials);
  }

  // Connections that can call a PSA (for choosing the one whose boards to list).
  callable(): Promise<PsaConnectionDoc[]> {
    return this.repository.synced();
  }
}
