import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useCursorList } from '../../ui/use-cursor-list';
import { type AccountState, PAGE_SIZE } from './mapping-types';

// Duo accounts with their mapping state; the route filters by state but has no text search.
export function useAccountMappings(state: AccountState | undefined) {
  const api = useApi();
  return useCursorList([...queryKeys.mappings, 'accounts', 'list', { state: state ?? null }], (cursor) =>
    unwrap(api.GET('/api/v1/mappings/accounts', { params: { query: { cursor, state, limit: PAGE_SIZE } } })),
  );
}

// PSA companies whose name contains the search text (the route searches server-side).
export function usePsaCompanies(search: string) {
  const api = useApi();
  const q = search.trim();
  return useCursorList([...queryKeys.psa, 'companies', 'list', { q }], (cursor) =>
    unwrap(
      api.GET('/api/v1/psa/companies', {
        params: { query: { cursor, q: q === '' ? undefined : q, limit: PAGE_SIZE } },
      }),
    ),
  );
}

// The route has no search parameter: the search box narrows the pages loaded so far.
export function matchesAccount(search: string) {
  const needle = search.trim().toLowerCase();
  return (row: { accountName: string; psaCompanyName: string | null }): boolean =>
    needle === '' ||
    row.accountName.toLowerCase().includes(needle) ||
    (row.psaCompanyName?.toLowerCase().includes(needle) ?? false);
}

// The active agreements of a mapped account's PSA company, which one bills already and which one is chosen.
// Under mappings, so every mapping change refetches it.
export function useAccountAgreements(accountId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.mappings, 'accounts', 'agreements', accountId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/mappings/accounts/{accountId}/agreements', { params: { path: { accountId } } })))
        .items,
  });
}
