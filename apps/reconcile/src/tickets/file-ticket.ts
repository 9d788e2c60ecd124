import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { TicketCreateRequest, TicketCreateResponse } from '@seatwise/shared/contracts/reconcile-tickets';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { TicketPort } from '../psa/ticket-port';
import { type FiledTicketDoc, FiledTicketRepository, type TicketScope } from './filed-ticket.repository';
import { TicketClaimsRepository } from './ticket-claims.repository';
import { externalRefOf, fingerprintOf } from './ticket-ref';
import { type TicketTarget, TicketTargets } from './ticket-target';

function answer(doc: FiledTicketDoc, created: boolean): TicketCreateResponse {
  const { ticketId, companyId, companyExternalId, connectionId, boardId } = doc;
  return { ticketId, companyId, companyExternalId, connectionId, boardId, created };
}

// reconcile.tickets.create: files a service ticket for the PSA company a Duo account is mapped to, once per
// idempotency key. A key already filed answers its ticket (created: false) without calling the PSA; otherwise the
// key is claimed (one filer at a time), the board checked, and the ticket filed through the port, which finds a
// ticket an earlier, failed attempt may have filed before filing a new one.
@Injectable()
export class FileTicket {
  constructor(
    private readonly targets: TicketTargets,
    private readonly tickets: FiledTicketRepository,
    private readonly claims: TicketClaimsRepository,
    private readonly clock: Clock,
  ) {}

  async create(input: TicketCreateRequest): Promise<TicketCreateResponse> {
    const scope: TicketScope = { accountId: input.accountId };
    const fingerprint = fingerprintOf(input);
    const done = await this.tickets.get(scope, input.idempotencyKey);
    if (done) return this.replay(done, fingerprint);
    const target = await this.targets.of(scope);
    const owner = randomUUID();
    if (!(await this.claims.take(scope, input.idempotencyKey, owner, this.clock.now()))) {
      throw new AppError(
        'RECONCILE.TICKET_IN_PROGRESS',
        `A ticket with key ${input.idempotencyKey} is being filed for account ${input.accountId}; retry shortly`,
      );
    }
    try {
      // Another filer may have finished between the first read and the claim.
      const meanwhile = await this.tickets.get(scope, input.idempotencyKey);
      if (meanwhile) return this.replay(meanwhile, fingerprint);
      return await this.file(scope, input, fingerprint, target);
    } finally {
      await this.claims.release(scope, input.idempotencyKey, owner);
    }
  }

  private async file(
    scope: TicketScope,
    input: TicketCreateRequest,
    fingerprint: string,
    target: TicketTarget,
  ): Promise<TicketCreateResponse> {
    await this.checkBoard(target.port, input.boardId);
    const filed = await target.port.fileTicket({
      companyExternalId: target.companyExternalId,
      boardId: input.boardId,
      summary: input.summary,
      description: input.description,
      externalRef: externalRefOf(scope, input.idempotencyKey),
    });
    const doc = await this.tickets.record(scope, {
      idempotencyKey: input.idempotencyKey,
      fingerprint,
      connectionId: target.connectionId,
      companyId: target.companyId,
      companyExternalId: filed.companyExternalId,
      boardId: filed.boardId,
      ticketId: filed.ticketId,
      createdAt: this.clock.now(),
    });
    return answer(doc, filed.created);
  }

  private async checkBoard(port: TicketPort, boardId: number): Promise<void> {
    const board = await port.board(boardId);
    if (!board) throw new AppError('RECONCILE.TICKET_BOARD_NOT_FOUND', `The PSA has no service board ${boardId}`);
    if (board.inactive || board.projectFlag) {
      throw new AppError(
        'RECONCILE.TICKET_BOARD_UNUSABLE',
        `Board ${boardId} (${board.name}) is ${board.inactive ? 'inactive' : 'a project board'}: it takes no service tickets`,
      );
    }
  }

  private replay(doc: FiledTicketDoc, fingerprint: string): TicketCreateResponse {
    if (doc.fingerprint !== fingerprint) {
      throw new AppError(
        'RECONCILE.TICKET_KEY_REUSED',
        `Key ${doc.idempotencyKey} already filed ticket ${doc.ticketId} with another board, summary or description`,
      );
    }
    return answer(doc, false);
  }
}
