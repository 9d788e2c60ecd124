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
