import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { ItemOf } from '../../api/types';
import { fetchAllPages } from './fetch-all';

export type Account = ItemOf<'/api/v1/accounts'>;
export type Integration = ItemOf<'/api/v1/integrations'>;
export type HistoryEntry = ItemOf<'/api/v1/accounts/{id}/history'>;
export type DailyActivity = ItemOf<'/api/v1/discovery/activity'>;

const LIMIT = '200';

// Every current Duo account, once each: an account polled through two integrations is listed twice.
export function useAllAccounts() {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.accounts, 'all'],
    queryFn: async (): Promise<Account[]> => {
      const all = await fetchAllPages((cursor) =>
        unwrap(api.GET('/api/v1/accounts', { params: { query: { removed: 'false', limit: LIMIT, cursor } } })),
      );
      return [...new Map(all.map((a) => [a.id, a])).values()];
    },
  });
}

export function useAllIntegrations() {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.integrations, 'all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(api.GET('/api/v1/integrations', { params: { query: { limit: LIMIT, cursor } } })),
      ),
  });
}

// Changes of one account's billable seats and edition, oldest first (the API answers newest first).
export function useAccountHistory(accountId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.accounts, 'history', accountId],
    enabled: accountId !== null,
    queryFn: async (): Promise<HistoryEntry[]> => {
      const id = accountId ?? '';
      const entries = await fetchAllPages(
        (cursor) =>
          unwrap(
            api.GET('/api/v1/accounts/{id}/history', { params: { path: { id }, query: { limit: LIMIT, cursor } } }),
          ),
        10,
      );
      return entries.sort((a, b) => a.observedAt.localeCompare(b.observedAt));
    },
  });
}

export function useDiscoverySummary() {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.discovery, 'summary'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/discovery/summary'))).items,
  });
}

// Authentications per UTC day over every account, oldest first.
export function useActivity(days: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.discovery, 'activity', days],
    queryFn: async (): Promise<DailyActivity[]> =>
      (await unwrap(api.GET('/api/v1/discovery/activity', { params: { query: { days: String(days) } } }))).items,
  });
}
