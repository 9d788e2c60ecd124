import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useCursorList } from '../../ui/use-cursor-list';
import { PAGE_SIZE } from './mapping-types';

// Duo SKUs (with their editions) and the PSA product each is mapped to.
export function useServiceMappings() {
  const api = useApi();
  return useCursorList([...queryKeys.mappings, 'services', 'list'], (cursor) =>
    unwrap(api.GET('/api/v1/mappings/services', { params: { query: { cursor, limit: PAGE_SIZE } } })),
  );
}

// PSA products whose name or product identifier (ConnectWise product ID) contains the search text: the route's
// q matches both, server-side, so every page is searched, not only the pages loaded.
export function useProductSearch(search: string) {
  const api = useApi();
  const q = search.trim();
  return useCursorList([...queryKeys.psa, 'products', 'list', { q }], (cursor) =>
    unwrap(
      api.GET('/api/v1/psa/products', { params: { query: { cursor, q: q === '' ? undefined : q, limit: PAGE_SIZE } } }),
    ),
  );
}
