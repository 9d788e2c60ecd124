import type { IntegrationView } from '@seatwise/shared/contracts/connector-views';
import type { AccountStateDoc } from '../accounts/account-state';

// An integration is as far along as its least advanced account: any error, else any backfill, else
// any account still syncing, else idle.
export function aggregateStatus(
  integration: Pick<IntegrationView, 'status'>,
  accounts: readonly Pick<AccountStateDoc, 'syncStatus'>[],
): IntegrationView['syncStatus'] {
  if (integration.status === 'error') return 'error';
  const statuses = new Set(accounts.map((a) => a.syncStatus));
  for (const status of ['error', 'backfilling', 'syncing'] as const) if (statuses.has(status)) return status;
  return accounts.length === 0 && integration.status === 'pending' ? 'syncing' : 'idle';
}
