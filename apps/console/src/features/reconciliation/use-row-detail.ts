import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useCursorList } from '../../ui/use-cursor-list';
import type { ReconciliationRow } from './row-labels';

// One row, fresh from the API; the list's copy shows meanwhile. Under reconciliation/row, which the live
// stream and every decision refetch.
export function useRow(id: string, shown: ReconciliationRow | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.reconciliation, 'row', id],
    queryFn: () => unwrap(api.GET('/api/v1/reconciliation/{id}', { params: { path: { id } } })),
    placeholderData: shown,
  });
}

// The row's audit entries, newest first. Keyed under the row rather than under audit: a row's history grows
// exactly when the row changes, and the live stream refetches reconciliation/row on every row update.
export function useRowHistory(id: string) {
  const api = useApi();
  return useCursorList([...queryKeys.reconciliation, 'row', id, 'history'], (cursor) =>
    unwrap(api.GET('/api/v1/audit', { params: { query: { targetId: id, cursor } } })),
  );
}
