import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { FileTicket } from '../tickets/file-ticket';
import { TicketBoardsQuery } from '../tickets/ticket-boards.query';

@Controller()
export class TicketsMessageController {
  constructor(
    private readonly filer: FileTicket,
    private readonly boards: TicketBoardsQuery,
  ) {}

  @Rpc('reconcile.tickets.create')
  create(request: RpcInput<'reconcile.tickets.create'>) {
    return this.filer.create(request);
  }

  @Rpc('reconcile.tickets.boards')
  list(request: RpcInput<'reconcile.tickets.boards'>) {
    return this.boards.list(request);
  }
}
