import type { PageRequest } from '@seatwise/platform/db/find-page';
import type { ReconciliationUpdatedEvent } from '@seatwise/shared/contracts/reconcile-events';
import { RECONCILIATION_SORTS, type ReconciliationSort } from '@seatwise/shared/contracts/reconcile-views';
import { definedOnly } from '../db/defined-only';

// Cross-tenant unless it names an account.
export interface RowScope {
  accountId?: string | undefined;
}

// What the list filters on: each a stored field of the row, compared for equality.
export interface RowFilter extends RowScope {
  type?: ReconciliationUpdatedEvent['type'] | undefined;
  state?: ReconciliationUpdatedEvent['state'] | undefined;
  sku?: string | undefined;
  psaCompanyId?: string | undefined;
}

export interface RowListRequest extends RowFilter {
  sort?: ReconciliationSort | undefined;
  limit: number;
  cursor?: string | undefined;
}

// The stored fields the list sorts by: each public sort is the field's own name.
export const ROW_SORT_FIELDS = RECONCILIATION_SORTS.filter((sort) => !sort.startsWith('-'));

// The find behind one page: only the filters the caller gave (picked by name, so nothing else in the request
// becomes a condition) and the sort, by row id unless a column is named.
export function rowListQuery(request: RowListRequest): { filter: Partial<RowFilter>; page: PageRequest } {
  const { type, state, accountId, sku, psaCompanyId, sort, limit, cursor } = request;
  return {
    filter: definedOnly({ type, state, accountId, sku, psaCompanyId }),
    page: { sort: sort ?? '_id', limit, cursor },
  };
}
