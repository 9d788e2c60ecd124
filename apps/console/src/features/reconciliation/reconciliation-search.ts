import type { QueryOf } from '../../api/types';
import type { Sort } from '../../ui/data-table';
import {
  searchBoolean,
  searchEnum,
  searchSort,
  searchText,
  type SortParam,
  sortFromParam,
  sortToParam,
} from '../../ui/search-params';
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
  monthlyImpact: true,
} as const satisfies Partial<Record<keyof ReconciliationRow, true>>;
export type SortColumn = keyof typeof SORT_COLUMNS;

// The list's filters and sort, kept in the address so a view can be bookmarked and shared.
export interface ReconciliationSearch {
  type?: RowType;
  state?: RowState;
  accountId?: string;
  sku?: DuoSku;
  // Only rows whose |delta| is at least this.
  minDelta?: number;
  // Muted rows are left out of the review unless asked for.
  showMuted?: true;
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
    minDelta: searchMinDelta(raw['minDelta']),
    showMuted: searchBoolean(raw['showMuted']) === true ? true : undefined,
    sort: searchSort(SORT_COLUMNS, raw['sort']),
  };
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined));
}

// The API's bounds for minDelta (1 leaves out only rows without a difference).
const MAX_DELTA = 1_000_000;

export function searchMinDelta(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_DELTA ? n : undefined;
}

type ListQuery = Omit<QueryOf<'/api/v1/reconciliation'>, 'cursor' | 'limit' | 'format'>;

// The list's query (the CSV export's too) for these filters: muted rows are asked to be left out unless shown.
export function toListQuery({ showMuted, ...search }: ReconciliationSearch): ListQuery {
  return showMuted ? search : { ...search, muted: 'false' };
}

export function toTableSort(sort: SortParam<SortColumn> | undefined): Sort | null {
  return sortFromParam(sort);
}

export function fromTableSort(sort: Sort): SortParam<SortColumn> | undefined {
  return sortToParam(SORT_COLUMNS, sort);
}
