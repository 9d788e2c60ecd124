// What filing a service ticket needs from a PSA (apart from PsaAdapter, so PSAs without tickets need not change).

export interface PsaBoard {
  id: number;
  name: string;
  // Inactive boards and project boards take no service tickets.
  inactive: boolean;
  projectFlag: boolean;
}

export interface TicketRequest {
  companyExternalId: string;
  boardId: number;
  summary: string;
  description: string;
  // Our reference stored on the ticket (CW's externalXRef): a ticket filed with it is found again, so a retried
  // request never files a second one.
  externalRef: string;
}

export interface FiledTicket {
  ticketId: number;
  companyExternalId: string;
  boardId: number;
  // false: a ticket with this externalRef already existed and was answered instead.
  created: boolean;
}

export interface TicketPort {
  boards(): Promise<PsaBoard[]>;
  // null: the PSA has no such board.
  board(id: number): Promise<PsaBoard | null>;
  // Finds the ticket with request.externalRef, else files it; safe to call again after any failure.
  fileTicket(request: TicketRequest): Promise<FiledTicket>;
}
