import type { AccountSeats, ReclaimableSeat } from './seats-queries';
import { ACCOUNT } from './saas-fixtures';

export function accountSeats(overrides: Partial<AccountSeats> = {}): AccountSeats {
  return {
    accountId: ACCOUNT.id,
    billableUsers: 40,
    activeUsers: { days7: 20, days30: 31, days90: 35 },
    reclaimable: 9,
    neverEnrolled: 3,
    deniedOnly: 2,
    inactive: 4,
    unusedAfterDays: 30,
    ...overrides,
  };
}

export function reclaimableSeat(overrides: Partial<ReclaimableSeat> = {}): ReclaimableSeat {
  return {
    id: 'acc_1.DUJANE',
    accountId: ACCOUNT.id,
    userKey: 'DUJANE',
    username: 'jane.doe',
    realName: 'Jane Doe',
    email: 'jane@acme.test',
    status: 'active',
    enrolled: true,
    lastLogin: '2026-01-02T08:00:00.000Z',
    lastSeen: '2026-01-10T08:00:00.000Z',
    lastSuccess: '2026-01-02T08:00:00.000Z',
    reason: 'inactive',
    ...overrides,
  };
}

export const seatsPaths = {
  seats: 'GET /api/v1/discovery/seats',
  reclaimable: `GET /api/v1/discovery/seats/${ACCOUNT.id}/reclaimable`,
  settings: `/api/v1/discovery/seats/${ACCOUNT.id}/settings`,
} as const;
