import type { DuoAccountView } from '@seatwise/shared/contracts/connector-views';
import type { AccountStateDoc } from './account-state';

export function toAccountView(doc: AccountStateDoc): DuoAccountView {
  return {
    id: doc.accountId,
    integrationId: doc.integrationId,
    name: doc.name,
    edition: doc.edition,
    seats: doc.seats,
    syncStatus: doc.syncStatus,
    behindMs: doc.behindMs,
    lastSyncAt: doc.lastSuccessAt ? new Date(doc.lastSuccessAt).toISOString() : null,
    lastError: doc.lastError
      ? { code: doc.lastError.code, message: doc.lastError.message, at: new Date(doc.lastError.at).toISOString() }
      : null,
    removed: doc.removedAt !== null,
  };
}
