import type { EventPayload } from '@seatwise/shared/contracts/events';

// Discovery's usage of one account, as the reclaimable-seats rule reads it (50 billable users, few active).
export const usageEvent = (accountId: string, reclaimable: number): EventPayload<'discovery.account.usage'> => ({
  accountId,
  revision: 1,
  billableUsers: 50,
  activeUsers: { d7: 1, d30: 2, d90: 3 },
  reclaimable,
  unusedAfterDays: 30,
  at: new Date().toISOString(),
});
