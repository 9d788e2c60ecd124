import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';
import { ticketKey, type TicketScope } from './filed-ticket.repository';

interface TicketClaimDoc {
  _id: string; // ticketKey
  owner: string;
  at: Date;
}

const schema = new Schema<TicketClaimDoc>({ _id: String, owner: String, at: Date }, { versionKey: false });
// A claim is held while one request files its ticket (a few PSA calls, each with its own timeout and retries); one
// this old was left by a process that died holding it.
export const TICKET_CLAIM_STALE_MS = 10 * 60_000;

// One filer per idempotency key at a time. FerretDB 1.24 has no transactions and its conditional updates are not
// atomic under concurrency, so the unique insert of the key is the arbiter (as row-revision-claims.ts): the loser
// is told the ticket is being filed. Released when the filer is done, whatever the outcome.
@Injectable()
export class TicketClaimsRepository extends MongooseRepository<TicketClaimDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'TicketClaim', collection: 'psa_ticket_claims', schema });
  }

  // false: another request holds the key.
  async take(scope: TicketScope, idempotencyKey: string, owner: string, now: Date): Promise<boolean> {
    const id = ticketKey(scope, idempotencyKey);
    if (await this.insertClaim(id, owner, now)) return true;
    const staleBefore = new Date(now.getTime() - TICKET_CLAIM_STALE_MS);
    const stale = await this.model.deleteOne({ _id: id, at: { $lt: staleBefore } }).exec();
    return stale.deletedCount > 0 && (await this.insertClaim(id, owner, now));
  }

  async release(scope: TicketScope, idempotencyKey: string, owner: string): Promise<void> {
    await this.model.deleteOne({ _id: ticketKey(scope, idempotencyKey), owner }).exec();
  }

  private async insertClaim(id: string, owner: string, now: Date): Promise<boolean> {
    try {
      await this.insert({ _id: id, owner, at: now });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
