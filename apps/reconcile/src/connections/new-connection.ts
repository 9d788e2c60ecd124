import { newId } from '../db/ids';
import { NO_WATERMARKS, type PsaConnectionDoc } from '../psa/psa-connection.repository';

type Given = Pick<
  PsaConnectionDoc,
  'name' | 'kind' | 'siteUrl' | 'companyId' | 'publicKey' | 'clientId' | 'settings' | 'secret'
>;

export function newConnectionId(): string {
  return newId('psa');
}

// A connection as first stored: connected, never synced (no watermarks, so its first sync is full).
export function newConnection(given: Given, now: Date, id: string = newConnectionId()): PsaConnectionDoc {
  return {
    _id: id,
    ...given,
    status: 'connected',
    usage: null,
    lastError: null,
    lastSyncAt: null,
    watermarks: { ...NO_WATERMARKS },
    createdAt: now,
    updatedAt: now,
  };
}
