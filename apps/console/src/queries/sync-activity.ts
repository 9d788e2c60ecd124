import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { unwrap } from '../api/client';
import { queryKeys } from '../api/query-keys';

export interface SyncActivity {
  duo: number;
  psa: number;
}

// How many Duo integrations are syncing or backfilling, and how many PSA sync runs are waiting or running.
// Both queries are invalidated by the live stream (integration.sync-status, reconcile.sync-run.updated).
export function useSyncActivity(): SyncActivity {
  const api = useApi();
  const duo = useQuery({
    queryKey: [...queryKeys.integrations, 'syncing'],
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/integrations', { params: { query: { limit: '200' } } }));
      return page.items.filter((i) => i.syncStatus === 'syncing' || i.syncStatus === 'backfilling').length;
    },
  });
  const psa = useQuery({
    queryKey: [...queryKeys.psa, 'sync-runs', 'active'],
    queryFn: async () => {
      const [running, waiting] = await Promise.all(
        (['in_progress', 'pending'] as const).map((state) =>
          unwrap(api.GET('/api/v1/sync-runs', { params: { query: { state, limit: '50' } } })),
        ),
      );
      return (running?.items.length ?? 0) + (waiting?.items.length ?? 0);
    },
  });
  return { duo: duo.data ?? 0, psa: psa.data ?? 0 };
}
