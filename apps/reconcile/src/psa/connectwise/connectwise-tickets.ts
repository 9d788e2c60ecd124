import { AppError } from '@seatwise/shared/errors/app-error';
import type { FiledTicket, PsaBoard, TicketPort, TicketRequest } from '../ticket-port';
import { isTransient, malformed, validated } from './cw-answers';
import type { CwHttp } from './cw-http';
import { type CwBoard, cwBoardSchema, type CwTicket, cwTicketSchema } from './cw-ticket-schemas';

// CW's largest page (fact sheet 3.1): a site has a handful of boards, so one page holds them all.
const BOARD_PAGE = 1000;

// ConnectWise service boards and tickets (BoardsAPI, TicketsAPI). Tickets carry our reference in externalXRef;
// before every POST the ticket is looked up by it, so a POST whose answer was lost (5xx, timeout, dropped
// connection) is never sent again once it took effect — the same read-before-create rule as agreement additions.
export class ConnectWiseTickets implements TicketPort {
  constructor(private readonly http: CwHttp) {}

  async boards(): Promise<PsaBoard[]> {
    const body = await this.http.get('/service/boards', { page: '1', pageSize: String(BOARD_PAGE) });
    if (!Array.isArray(body)) throw malformed('board list', 'expected a JSON array');
    return body.map((item, i) => toBoard(validated(cwBoardSchema, item, `board ${i}`)));
  }

  async board(id: number): Promise<PsaBoard | null> {
    try {
      return toBoard(validated(cwBoardSchema, await this.http.get(`/service/boards/${id}`), 'board'));
    } catch (error) {
      if (error instanceof AppError && error.code === 'RECONCILE.PSA_RECORD_NOT_FOUND') return null;
      throw error;
    }
  }

  async fileTicket(request: TicketRequest): Promise<FiledTicket> {
    for (let attempt = 1; ; attempt++) {
      const existing = await this.findByRef(request.externalRef);
      if (existing) return filed(existing, request, false);
      try {
        return filed(await this.post(request), request, true);
      } catch (error) {
        if (!isTransient(error) || attempt >= this.http.writeAttempts) throw error;
        await this.http.backoff(attempt);
      }
    }
  }

  private async findByRef(externalRef: string): Promise<CwTicket | null> {
    // The reference is ours ("seatwise:" + hex), so it needs no escaping inside the quotes.
    const query = { conditions: `externalXRef="${externalRef}"`, page: '1', pageSize: '2' };
    const body = await this.http.get('/service/tickets', query);
    if (!Array.isArray(body)) throw malformed('ticket list', 'expected a JSON array');
    const tickets = body.map((item, i) => validated(cwTicketSchema, item, `ticket ${i}`));
    return tickets.sort((a, b) => a.id - b.id)[0] ?? null;
  }

  private async post(request: TicketRequest): Promise<CwTicket> {
    const body = {
      summary: request.summary,
      initialDescription: request.description,
      board: { id: request.boardId },
      company: { id: Number(request.companyExternalId) },
      externalXRef: request.externalRef,
    };
    return validated(cwTicketSchema, await this.http.post('/service/tickets', body), 'created ticket');
  }
}

function toBoard(b: CwBoard): PsaBoard {
  return { id: b.id, name: b.name, inactive: b.inactiveFlag === true, projectFlag: b.projectFlag === true };
}

// CW answers the ticket's board; a ticket without one (never ours) reads as filed where it was asked.
function filed(ticket: CwTicket, request: TicketRequest, created: boolean): FiledTicket {
  return {
    ticketId: ticket.id,
    companyExternalId: String(ticket.company.id),
    boardId: ticket.board?.id ?? request.boardId,
    created,
  };
}
