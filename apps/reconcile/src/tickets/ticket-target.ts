import { Injectable } from '@nestjs/common';
import { AppError } from '@seatwise/shared/errors/app-error';
import { AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { accountNotFound } from '../mapping/mapping-errors';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import type { TicketPort } from '../psa/ticket-port';
import { TicketPorts } from '../psa/ticket-ports';
import type { TicketScope } from './filed-ticket.repository';

// Where a Duo account's tickets go: the PSA company it is mapped to, and that company's connection.
export interface TicketTarget {
  companyId: string;
  companyExternalId: string;
  connectionId: string;
  port: TicketPort;
}

@Injectable()
export class TicketTargets {
  constructor(
    private readonly mappings: AccountMappingRepository,
    private readonly psa: PsaDataRepository,
    private readonly connections: PsaConnectionRepository,
    private readonly ports: TicketPorts,
  ) {}

  async of(scope: TicketScope): Promise<TicketTarget> {
    const mapping = await this.mappings.get(scope);
    if (!mapping) throw accountNotFound(scope.accountId);
    if (mapping.state !== 'mapped' || mapping.psaCompanyId === null) {
      throw new AppError(
        'RECONCILE.TICKET_ACCOUNT_NOT_MAPPED',
        `Account ${scope.accountId} is ${mapping.state}: map it to a PSA company to file tickets for it`,
      );
    }
    const company = await this.psa.company(mapping.psaCompanyId);
    const connection = company ? await this.connections.findById(company.connectionId) : null;
    if (!company || !connection) {
      throw new AppError(
        'RECONCILE.TICKET_NO_CONNECTION',
        `PSA company ${mapping.psaCompanyId} of account ${scope.accountId} has no connection any more`,
      );
    }
    return {
      companyId: company._id,
      companyExternalId: company.externalId,
      connectionId: connection._id,
      port: this.ports.portOf(connection),
    };
  }
}
