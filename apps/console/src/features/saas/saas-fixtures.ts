import { FakeGateway } from '../../testing/fake-gateway';
import type { CatalogProduct, Service, ServiceDetail } from './saas-queries';

export const ACCOUNT = { id: 'acc_1', name: 'Acme Dental' };

export function service(overrides: Partial<Service> = {}): Service {
  return {
    id: 'acc_1.DIZOOM',
    accountId: ACCOUNT.id,
    applicationKey: 'DIZOOM',
    name: 'Zoom SSO',
    status: 'new',
    catalog: null,
    userCount: 12,
    attemptedUserCount: 13,
    authCount: 340,
    successCount: 330,
    denialCount: 10,
    fraudCount: 0,
    denialReasons: [{ reason: 'user_cancelled', count: 10 }],
    flags: [],
    firstSeen: '2026-01-05T08:00:00.000Z',
    lastSeen: '2026-03-01T17:30:00.000Z',
    mergedInto: null,
    ...overrides,
  };
}

export function serviceDetail(overrides: Partial<ServiceDetail> = {}): ServiceDetail {
  return { ...service(), activeUsers: { days7: 4, days30: 9, days90: 12 }, merged: [], ...overrides };
}

export const ZOOM_PRODUCT: CatalogProduct = {
  id: 'prod_zoom',
  name: 'Zoom Workplace',
  vendor: 'Zoom',
  category: 'Collaboration',
  domain: 'zoom.us',
  aliases: ['zoom'],
  custom: false,
  vendorUrl: null,
};

// The routes every SaaS screen reads around its own: accounts (the picker, names) and the summary line.
export function saasGateway(): FakeGateway {
  return new FakeGateway()
    .on('GET /api/v1/accounts', {
      body: {
        items: [
          {
            id: ACCOUNT.id,
            name: ACCOUNT.name,
            integrationId: 'int_1',
            edition: 'ENTERPRISE',
            seats: 40,
            syncStatus: 'idle',
            lastSyncAt: null,
            lastError: null,
            behindMs: null,
            removed: false,
          },
        ],
        nextCursor: null,
      },
    })
    .on('GET /api/v1/discovery/summary', { body: { items: [] } });
}

export function serviceGateway(detail: ServiceDetail): FakeGateway {
  const path = `/api/v1/services/${encodeURIComponent(detail.id)}`;
  return saasGateway()
    .on(`GET ${path}`, { body: detail })
    .on(`GET ${path}/users`, { body: { items: [], nextCursor: null } });
}
