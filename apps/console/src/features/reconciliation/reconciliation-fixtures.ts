import type { ItemOf } from '../../api/types';
import type { ReconciliationRow } from './row-labels';

// Rows and answers as the gateway sends them, for this feature's specs.
export function row(overrides: Partial<ReconciliationRow> = {}): ReconciliationRow {
  return {
    id: 'row-1',
    accountId: 'DA0000000000000001',
    accountName: 'Acme',
    psaCompanyId: 'company-1',
    psaCompanyName: 'Acme Corp',
    sku: 'Essentials',
    productId: 'product-1',
    productName: 'Duo Essentials seat',
    vendorQuantity: 12,
    psaQuantity: 10,
    delta: 2,
    type: 'under_billed',
    state: 'pending',
    effectiveDate: null,
    note: null,
    lastError: null,
    decidedBy: null,
    decidedAt: null,
    appliedAt: null,
    revision: 1,
    updatedAt: '2026-11-30T10:00:00.000Z',
    agreementId: 'agr-1',
    agreementName: 'Managed Services',
    agreementIssue: null,
    unitPrice: 3,
    currency: 'USD',
    monthlyImpact: 6,
    approved: null,
    mutedUntil: null,
    usage: {
      billableUsers: 12,
      activeUsers30d: 9,
      reclaimable: 3,
      unusedAfterDays: 30,
      at: '2026-11-30T09:00:00.000Z',
    },
    ...overrides,
  };
}

export function auditEntry(overrides: Partial<ItemOf<'/api/v1/audit'>> = {}): ItemOf<'/api/v1/audit'> {
  return {
    id: 'audit-1',
    accountId: 'DA0000000000000001',
    action: 'row.approve',
    actor: 'ops-admin',
    at: '2026-11-30T11:00:00.000Z',
    details: { from: 'pending', to: 'approved' },
    note: null,
    targetId: 'row-1',
    targetKind: 'row',
    ...overrides,
  };
}

const zeros = { new_revenue: 0, under_billed: 0, over_billed: 0, no_change: 0, unmapped: 0 };

export const SUMMARY = {
  rows: 7,
  byType: { ...zeros, new_revenue: 1, under_billed: 4, over_billed: 2 },
  byState: { pending: 5, approved: 0, applied: 1, dismissed: 1, failed: 0 },
  pendingByType: { ...zeros, under_billed: 3, over_billed: 2 },
  mapped: { rows: 7, vendorQuantity: 120, psaQuantity: 110 },
  readiness: { ready: true, accountsMapped: 3, servicesMapped: 2 },
  money: {
    currency: 'USD',
    mixedCurrencies: false,
    byType: { ...zeros, new_revenue: 30, under_billed: 24, over_billed: -9 },
    pendingByType: { ...zeros, under_billed: 18, over_billed: -9 },
  },
};

export const ACCOUNTS = {
  items: [
    {
      id: 'DA0000000000000001',
      integrationId: 'int-1',
      name: 'Acme',
      edition: 'ENTERPRISE' as const,
      seats: 12,
      syncStatus: 'idle' as const,
      behindMs: 0,
      lastSyncAt: null,
      lastError: null,
      removed: false,
    },
  ],
  nextCursor: null,
};

// What these fixtures need of the specs' FakeGateway. Structural on purpose: importing src/testing from a
// non-spec file would make the folders depend on each other in a cycle (testing renders the whole app).
interface Routes {
  on(key: string, answer: { status?: number; body?: unknown } | (() => { body: unknown })): void;
}

// The routes the reconciliation screen reads, its list answering `state.rows` as they are at each request.
export function withReviewData<G extends Routes>(gateway: G, rows: ReconciliationRow[]) {
  const state = { rows };
  const empty = { body: { items: [], nextCursor: null } };
  gateway.on('GET /api/v1/reconciliation', () => ({ body: { items: state.rows, nextCursor: null } }));
  gateway.on('GET /api/v1/reconciliation/summary', { body: SUMMARY });
  gateway.on('GET /api/v1/reconciliation/settings', { body: { defaultEffectiveDate: 'today' } });
  gateway.on('GET /api/v1/accounts', { body: ACCOUNTS });
  // The layout's sync indicator.
  gateway.on('GET /api/v1/integrations', empty);
  gateway.on('GET /api/v1/sync-runs', empty);
  return { gateway, state };
}
