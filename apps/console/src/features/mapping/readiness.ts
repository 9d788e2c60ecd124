import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { queryKeys } from '../../api/query-keys';

export type Readiness =
  // Still asking, or a probe failed without saying what is missing: nothing to claim either way.
  | { status: 'unknown' }
  | { status: 'ready' }
  | { status: 'not-ready'; accountMissing: boolean; serviceMissing: boolean; detail: string | null };

// Whether reconciliation can start: the reconciliation list answers 409 RECONCILE.NOT_READY until one account
// and one service are mapped; the two mapping lists say which of the two is missing.
export function useReconcileReadiness(): Readiness {
  const api = useApi();
  const reconcile = useQuery({
    queryKey: [...queryKeys.reconciliation, 'readiness'],
    queryFn: async (): Promise<{ ready: boolean; detail: string | null }> => {
      try {
        await unwrap(api.GET('/api/v1/reconciliation', { params: { query: { limit: '1' } } }));
        return { ready: true, detail: null };
      } catch (error) {
        if (error instanceof ProblemError && error.code === 'RECONCILE.NOT_READY') {
          return { ready: false, detail: error.problem.detail };
        }
        throw error;
      }
    },
  });
  const accounts = useQuery({
    queryKey: [...queryKeys.mappings, 'accounts', 'mapped-probe'],
    queryFn: () => unwrap(api.GET('/api/v1/mappings/accounts', { params: { query: { state: 'mapped', limit: '1' } } })),
  });
  // Duo has a handful of SKUs: the first page holds them all.
  const services = useQuery({
    queryKey: [...queryKeys.mappings, 'services', 'probe'],
    queryFn: () => unwrap(api.GET('/api/v1/mappings/services', { params: { query: { limit: '200' } } })),
  });
  const accountMissing = accounts.data !== undefined && accounts.data.items.length === 0;
  const serviceMissing = services.data !== undefined && !services.data.items.some((s) => s.state === 'mapped');
  if (reconcile.data?.ready === false || accountMissing || serviceMissing) {
    return { status: 'not-ready', accountMissing, serviceMissing, detail: reconcile.data?.detail ?? null };
  }
  if (reconcile.data?.ready === true && accounts.isSuccess && services.isSuccess) return { status: 'ready' };
  return { status: 'unknown' };
}
