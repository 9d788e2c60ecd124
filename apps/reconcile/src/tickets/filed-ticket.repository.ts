import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';

export interface TicketScope {
  accountId: string;
}

// One ticket filed for a Duo account under a caller's idempotency key.
export interface FiledTicketDoc {
  _id: string; // ticketKey(scope, idempotencyKey)
  accountId: string;
  idempotencyKey: string;
  // What was asked (board, summary, description), hashed: the same key with another request is refused.
  fingerprint: string;
  connectionId: string;
  companyId: string;
  companyExternalId: string;
  boardId: number;
  ticketId: number;
  createdAt: Date;
}

const schema = new Schema<FiledTicketDoc>(
  {
    _id: String,
    accountId: String,
    idempotencyKey: String,
    fingerprint: String,
    connectionId: String,
    companyId: String,
    companyExternalId: String,
    boardId: Number,
    ticketId: Number,
    createdAt: Date,
  },
  { versionKey: false },
);
schema.index({ accountId: 1, createdAt: 1 });

// Keys are per account: two accounts using the same key file two tickets.
export const ticketKey = (scope: TicketScope, idempotencyKey: string): string => `${scope.accountId}:${idempotencyKey}`;

// Tickets filed, by account and idempotency key. Written once, after the PSA filed the ticket, by the holder of
// the key's claim (ticket-claims.repository.ts); the unique _id keeps a record from ever being replaced.
@Injectable()
export class FiledTicketRepository extends MongooseRepository<FiledTicketDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'FiledTicket', collection: 'psa_tickets', schema });
  }

  get(scope: TicketScope, idempotencyKey: string): Promise<FiledTicketDoc | null> {
    return this.findOne({ _id: ticketKey(scope, idempotencyKey), accountId: scope.accountId });
  }

  // The stored record: this one, or the one already stored under its key (which then wins).
  async record(scope: TicketScope, doc: Omit<FiledTicketDoc, '_id' | 'accountId'>): Promise<FiledTicketDoc> {
    const full: FiledTicketDoc = { _id: ticketKey(scope, doc.idempotencyKey), accountId: scope.accountId, ...doc };
    try {
      await this.insert(full);
      return full;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (await this.get(scope, doc.idempotencyKey)) ?? full;
    }
  }

  private async findOne(filter: Record<string, unknown>): Promise<FiledTicketDoc | null> {
    return (await this.findMany(filter, undefined, 1))[0] ?? null;
  }
}
