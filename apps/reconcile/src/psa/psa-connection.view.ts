import type { PsaConnectionView } from '@seatwise/shared/contracts/reconcile-views';
import type { PsaConnectionDoc } from './psa-connection.repository';

// A connection as the API answers it: never the secret.
export function toConnectionView(doc: PsaConnectionDoc): PsaConnectionView {
  return {
    id: doc._id,
    name: doc.name,
    kind: doc.kind,
    siteUrl: doc.siteUrl,
    companyId: doc.companyId,
    publicKey: doc.publicKey,
    clientId: doc.clientId,
    settings: doc.settings,
    usage: doc.usage,
    status: doc.status,
    lastError: doc.lastError
      ? { code: doc.lastError.code, message: doc.lastError.message, at: new Date(doc.lastError.at).toISOString() }
      : null,
    lastSyncAt: doc.lastSyncAt ? new Date(doc.lastSyncAt).toISOString() : null,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
