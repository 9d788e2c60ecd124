import { useMemo } from 'react';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useCursorList } from '../../ui/use-cursor-list';
import { PAGE_SIZE, type PsaProduct } from './mapping-types';

// Duo SKUs (with their editions) and the PSA product each is mapped to.
export function useServiceMappings() {
  const api = useApi();
  return useCursorList([...queryKeys.mappings, 'services', 'list'], (cursor) =>
    unwrap(api.GET('/api/v1/mappings/services', { params: { query: { cursor, limit: PAGE_SIZE } } })),
  );
}

function useProductPages(q: string) {
  const api = useApi();
  return useCursorList([...queryKeys.psa, 'products', 'list', { q }], (cursor) =>
    unwrap(
      api.GET('/api/v1/psa/products', { params: { query: { cursor, q: q === '' ? undefined : q, limit: PAGE_SIZE } } }),
    ),
  );
}

// PSA products by name or product identifier. The route's q searches names only, so the name matches come
// from the server and identifier matches from the unfiltered pages loaded so far (the same cached list the
// empty search shows).
export function useProductSearch(search: string) {
  const q = search.trim();
  const byName = useProductPages(q);
  const all = useProductPages('');
  const rows = useMemo(
    () => (q === '' ? all.rows : mergeById(byName.rows, identifierMatches(all.rows, q))),
    [q, all.rows, byName.rows],
  );
  return { ...byName, rows };
}

function identifierMatches(products: readonly PsaProduct[], q: string): PsaProduct[] {
  const needle = q.toLowerCase();
  return products.filter((p) => p.identifier?.toLowerCase().includes(needle) ?? false);
}

function mergeById(first: readonly PsaProduct[], second: readonly PsaProduct[]): PsaProduct[] {
  const seen = new Set(first.map((p) => p.id));
  return [...first, ...second.filter((p) => !seen.has(p.id))];
}
