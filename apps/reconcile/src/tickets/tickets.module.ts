import { Module } from '@nestjs/common';
import { MappingStoreModule } from '../mapping-store/mapping-store.module';
import { PsaModule } from '../psa/psa.module';
import { FileTicket } from './file-ticket';
import { FiledTicketRepository } from './filed-ticket.repository';
import { TicketBoardsQuery } from './ticket-boards.query';
import { TicketClaimsRepository } from './ticket-claims.repository';
import { TicketTargets } from './ticket-target';

// PSA service tickets filed for Duo accounts (the alerts service's ticket channel) and the boards they go on.
@Module({
  imports: [PsaModule, MappingStoreModule],
  providers: [FiledTicketRepository, TicketClaimsRepository, TicketTargets, FileTicket, TicketBoardsQuery],
  exports: [FileTicket, TicketBoardsQuery],
})
export class TicketsModule {}
