import type { ServiceGroup, ServiceGroupDetail } from './groups-queries';
import { ACCOUNT } from './saas-fixtures';

export function serviceGroup(overrides: Partial<ServiceGroup> = {}): ServiceGroup {
  return {
    id: 'product:prod_zoom',
    name: 'Zoom Workplace',
    productId: 'prod_zoom',
    category: 'Collaboration',
    customers: 2,
    users: 31,
    services: 3,
    firstSeen: '2026-01-05T08:00:00.000Z',
    lastSeen: '2026-03-01T17:30:00.000Z',
    ...overrides,
  };
}

// Zoom at two customers: Acme (a known account, under two application keys) and one without a service id.
export function serviceGroupDetail(overrides: Partial<ServiceGroupDetail> = {}): ServiceGroupDetail {
  return {
    ...serviceGroup(),
    accounts: [
      {
        accountId: ACCOUNT.id,
        users: 19,
        serviceIds: ['acc_1.DIZOOM', 'acc_1.DIZOOM2'],
        firstSeen: '2026-01-05T08:00:00.000Z',
        lastSeen: '2026-03-01T17:30:00.000Z',
      },
      {
        accountId: 'acc_2',
        users: 12,
        serviceIds: [],
        firstSeen: '2026-02-01T08:00:00.000Z',
        lastSeen: '2026-02-20T09:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

// The gateway path of a group: its id holds a colon, which the client percent-encodes.
export const groupPath = (id: string) => `/api/v1/discovery/groups/${encodeURIComponent(id)}`;
