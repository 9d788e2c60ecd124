import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type {
  ticketBoardsRequestSchema,
  ticketBoardsResponseSchema,
} from '@seatwise/shared/contracts/reconcile-tickets';
import { AppError } from '@seatwise/shared/errors/app-error';
import { TicketPorts } from '../psa/ticket-ports';

type Request = z.output<typeof ticketBoardsRequestSchema>;
type Response = z.output<typeof ticketBoardsResponseSchema>;

// reconcile.tickets.boards: the service boards a ticket can go on (active, not project boards), read from the PSA.
@Injectable()
export class TicketBoardsQuery {
  constructor(private readonly ports: TicketPorts) {}

  async list(request: Request): Promise<Response> {
    const connectionId = request.connectionId ?? (await this.onlyConnection());
    const boards = await (await this.ports.portFor(connectionId)).boards();
    return {
      connectionId,
      items: boards
        .filter((b) => !b.inactive && !b.projectFlag)
        .sort((a, b) => a.id - b.id)
        .map(({ id, name }) => ({ id, name })),
    };
  }

  private async onlyConnection(): Promise<string> {
    const callable = await this.ports.callable();
    const [only, ...others] = callable;
    if (!only) throw new AppError('RECONCILE.TICKET_NO_CONNECTION', 'There is no PSA connection to list boards of');
    if (others.length > 0) {
      throw new AppError(
        'RECONCILE.TICKET_CONNECTION_REQUIRED',
        `There are ${callable.length} PSA connections: name the connectionId whose boards to list`,
      );
    }
    return only._id;
  }
}
