import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { unwrap } from '../api/client';
import { queryKeys } from '../api/query-keys';

export type Readiness =
  | { status: 'unknown' }
  | { status: 'ready' }
  | { status: 'not-ready'; accountMissing: boolean; serviceMissing: boolean };

// Whether reconciliation has started (one account and one service mapped), from the summary, which says so
// without an error: the row list answers 409 RECONCILE.NOT_READY until then, and a screen that only wants to
// know must not make the browser log a failed request. Under reconciliation/summary, so row updates and
// mapping changes on the live stream refresh it.
export function useReconcileReadiness(): Readiness {
  const api = useApi();
  const summary = useQuery({
    queryKey: [...queryKeys.reconciliation, 'summary', { accountId: null }],
    queryFn: () => unwrap(api.GET('/api/v1/reconciliation/summary', { params: { query: {} } })),
  });
  if (!summary.data) return { status: 'unknown' };
  const { ready, accountsMapped, servicesMapped } = summary.data.readiness;
  if (ready) return { status: 'ready' };
  return { status: 'not-ready', accountMissing: accountsMapped === 0, serviceMissing: servicesMapped === 0 };
}
