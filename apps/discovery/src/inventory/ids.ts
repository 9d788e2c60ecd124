import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';

// The Duo account (tenant) a read or write is confined to.
export interface Scope {
  accountId: string;
}

// Service and user ids are `<accountId>.<Duo key>` (key URI-encoded): unique across accounts, safe in
// a URL path, and the account they belong to is read back from the id to scope every query.
export function serviceIdOf(accountId: string, applicationKey: string): string {
  return `${accountId}.${encodeURIComponent(applicationKey)}`;
}

export function userIdOf(accountId: string, userKey: string): string {
  return `${accountId}.${encodeURIComponent(userKey)}`;
}

// One (service, user) usage row.
export function usageIdOf(serviceId: string, userKey: string): string {
  return `${serviceId}.${encodeURIComponent(userKey)}`;
}

// The same row from the service's id and the user's (whose key is the part after its account).
export function usageIdOfIds(serviceId: string, userId: string): string {
  return `${serviceId}${userId.slice(userId.indexOf('.'))}`;
}

// The account scope of an id; ids are validated by their contract schema before they get here.
export function accountOfId(id: string): Scope {
  const dot = id.indexOf('.');
  if (dot <= 0) {
    throw new AppError(ErrorCodes.VALIDATION_FAILED, `Invalid id ${id}`, [
      { path: 'id', message: 'must be <accountId>.<key>' },
    ]);
  }
  return { accountId: id.slice(0, dot) };
}
