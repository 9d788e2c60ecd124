import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { ResponseOf } from '../../api/types';

// The only place the overview reads the reconciliation summary's shape: the discrepancy card takes the
// figures below, so a change of the summary is adapted here alone.
export type Summary = ResponseOf<'/api/v1/reconciliation/summary', 'get'>;

export const DISCREPANCY_TYPES = ['under_billed', 'over_billed', 'new_revenue', 'unmapped'] as const;
export type DiscrepancyType = (typeof DISCREPANCY_TYPES)[number];

export interface Discrepancy {
  type: DiscrepancyType;
  rows: number;
  pending: number;
  // Money per month the pending rows are about, in the currency of `Discrepancies`.
  pendingMoney: number;
}

export interface Discrepancies {
  types: Discrepancy[];
  // Null when no priced row names its currency.
  currency: string | null;
  // Rows in other currencies are left out of the amounts.
  mixedCurrencies: boolean;
}

export function discrepanciesOf(summary: Summary): Discrepancies {
  const types = DISCREPANCY_TYPES.map((type) => ({
    type,
    rows: summary.byType[type],
    pending: summary.pendingByType[type],
    pendingMoney: summary.money.pendingByType[type],
  }));
  return { types, currency: summary.money.currency, mixedCurrencies: summary.money.mixedCurrencies };
}

// Under the reconciliation prefix, so the live stream's row updates refresh it.
export function useReconciliationSummary() {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.reconciliation, 'summary', 'overview'],
    queryFn: async () => discrepanciesOf(await unwrap(api.GET('/api/v1/reconciliation/summary'))),
  });
}
