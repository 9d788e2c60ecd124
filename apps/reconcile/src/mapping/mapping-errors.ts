import { AppError } from '@seatwise/shared/errors/app-error';
import type { ClaimsRepository } from '../mapping-store/claims.repository';

// Mapping something already mapped: the same target again, or another one that has to be unmapped first.
export function alreadyMapped(subject: string, current: string | null, wanted: string): AppError {
  return new AppError(
    'RECONCILE.MAPPING_CONFLICT',
    current === wanted
      ? `${subject} is already mapped to ${wanted}`
      : `${subject} is mapped to ${current ?? '?'}; unmap it first`,
  );
}

// Takes the one-owner claim on a mapping target (a PSA company, a PSA product), or says who holds it.
export async function claimTarget(
  claims: ClaimsRepository,
  key: string,
  owner: string,
  target: string,
  ownerKind: string,
): Promise<void> {
  if (await claims.claim(key, owner)) return;
  const holder = await claims.ownerOf(key);
  throw new AppError('RECONCILE.MAPPING_CONFLICT', `${target} is already mapped to ${ownerKind} ${holder ?? '?'}`);
}

// A decision that lost the race for the mapping's revision.
export function changedMeanwhile(subject: string): AppError {
  return new AppError(
    'RECONCILE.MAPPING_CONFLICT',
    `${subject} was changed by someone else meanwhile; reload and retry`,
  );
}

// Accounts exist here once the connector has sent a snapshot of them.
export function accountNotFound(accountId: string): AppError {
  return new AppError(
    'RECONCILE.ACCOUNT_NOT_FOUND',
    `No Duo account ${accountId} (accounts appear with their first snapshot from the connector)`,
  );
}
