import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { queryKeys } from '../../api/query-keys';
import { useCursorList } from '../../ui/use-cursor-list';
import { type ReconciliationSearch, toListQuery } from './reconciliation-search';

// The API's largest page: each request costs a round trip, and on the embedded database a read of the whole list.
const PAGE_SIZE = '200';

// The rows of the current filters and sort, paged by the API's cursors. The key sits under reconciliationList
// so the live stream patches loaded rows in place.
export function useReconciliationRows(search: ReconciliationSearch, enabled = true) {
  const api = useApi();
  return useCursorList(
    [...queryKeys.reconciliationList, search],
    (cursor) =>
      unwrap(
        api.GET('/api/v1/reconciliation', { params: { query: { ...toListQuery(search), cursor, limit: PAGE_SIZE } } }),
      ),
    { enabled },
  );
}

// Nothing is reconciled before one account and one service are mapped; the list answers 409 until then.
export function isNotReady(error: unknown): boolean {
  return error instanceof ProblemError && error.code === 'RECONCILE.NOT_READY';
}
