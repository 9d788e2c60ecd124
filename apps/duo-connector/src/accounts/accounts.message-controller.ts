import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { DuoAccountView } from '@seatwise/shared/contracts/connector-rpcs';
import { integrationId } from '@seatwise/shared/contracts/common';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { z } from 'zod';
import { type AccountStateDoc, AccountStateRepository } from './account-state.repository';

const listSchema = z.object({ integrationId: integrationId.optional() }).strict();

@Controller()
export class AccountsMessageController {
  constructor(private readonly accounts: AccountStateRepository) {}

  @MessagePattern('duo-connector.accounts.list')
  async list(@Payload() payload: unknown): Promise<{ items: DuoAccountView[] }> {
    const query = parseOrThrow(listSchema, payload, 'request');
    return { items: (await this.accounts.listAll(query.integrationId)).map(toView) };
  }
}

function toView(doc: AccountStateDoc): DuoAccountView {
  return {
    id: doc.accountId,
    integrationId: doc.integrationId,
    name: doc.name,
    edition: doc.edition,
    seats: doc.seats,
    syncStatus: doc.syncStatus,
    behindMs: doc.behindMs,
    lastSyncAt: doc.lastSuccessAt ? new Date(doc.lastSuccessAt).toISOString() : null,
    lastError: doc.lastError ? { code: doc.lastError.code, message: doc.lastError.message, at: new Date(doc.lastError.at).toISOString() } : null,
    removed: doc.removedAt !== null,
  };
}
