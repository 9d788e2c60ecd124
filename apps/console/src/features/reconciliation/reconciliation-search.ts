import type { Sort } from '../../ui/data-table';
import { searchEnum, searchSort, searchText, type SortParam, sortFromParam, sortToParam } from '../../ui/search-params';
import {
  type DuoSku,
  type ReconciliationRow,
  type RowState,
  type RowType,
  SKU_LABELS,
  STATE_LABELS,
  TYPE_LABELS,
} from './row-labels';

// The columns the API sorts the list by. The company and product names are not stored on rows, so the API
// does not sort by them. A Record over row fields: a column that is not a row field does not compile.
const SORT_COLUMNS = {
  accountName: true,
  sku: true,
  vendorQuantity: true,
  psaQuantity: true,
  delta: true,
  type: true,
  state: true,
  updatedAt: true,
} as const satisfies Partial<Record<keyof ReconciliationRow, true>>;
export type SortColumn = keyof typeof SORT_COLUMNS;

// The list's filters and sort, kept in the address so a view can be bookmarked and shared.
export interface ReconciliationSearch {
  type?: RowType;
  state?: RowState;
  accountId?: string;
  sku?: DuoSku;
  sort?: SortParam<SortColumn>;
}

// Same rule as the API's account ids; anything else in the address is dropped rather than sent.
const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;

// validateSearch of the route: unknown or malformed values are left out.
export function validateReconciliationSearch(raw: Record<string, unknown>): ReconciliationSearch {
  const accountId = searchText(raw['accountId']);
  const search: ReconciliationSearch = {
    type: searchEnum(TYPE_LABELS, raw['type']),
    state: searchEnum(STATE_LABELS, raw['state']),
    accountId: accountId !== undefined && ACCOUNT_ID.test(accountId) ? accountId : undefined,
    sku: searchEnum(SKU_LABELS, raw['sku']),
    sort: searchSort(SORT_COLUMNS, raw['sort']),
  };
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined));
}

export function toTableSort(sort: SortParam<SortColumn> | undefined): Sort | null {
  return sortFromParam(sort);
}

export function fromTableSort(sort: Sort): SortParam<SortColumn> | undefined {
  return sortToParam(SORT_COLUMNS, sort);
}
