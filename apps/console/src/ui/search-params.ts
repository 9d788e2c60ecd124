import type { Sort } from './data-table';

// Filters kept in the URL arrive as whatever the address bar held (the router JSON-parses values, so "42"
// comes back as a number): these read them back into the types the screens expect, dropping anything else.

export function searchText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

// An enum filter: `allowed` is a Record over the API's own union, so a value the API lacks does not compile.
export function searchEnum<K extends string>(allowed: Readonly<Record<K, unknown>>, value: unknown): K | undefined {
  return typeof value === 'string' && Object.hasOwn(allowed, value) ? (value as K) : undefined;
}

export function searchBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

// Boolean filters as the API's query parameters spell them.
export function booleanParam(value: boolean | undefined): 'true' | 'false' | undefined {
  return value === undefined ? undefined : value ? 'true' : 'false';
}

// API sort parameters are a column name, "-" in front for descending.
export type SortParam<K extends string> = K | `-${K}`;

export function searchSort<K extends string>(
  keys: Readonly<Record<K, unknown>>,
  value: unknown,
): SortParam<K> | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.startsWith('-') ? value.slice(1) : value;
  return Object.hasOwn(keys, key) ? (value as SortParam<K>) : undefined;
}

export function sortFromParam(param: string | undefined): Sort | null {
  if (param === undefined) return null;
  return param.startsWith('-') ? { key: param.slice(1), direction: 'desc' } : { key: param, direction: 'asc' };
}

// The table's sort as the API's parameter; a column the API cannot sort by gives undefined (server order).
export function sortToParam<K extends string>(
  keys: Readonly<Record<K, unknown>>,
  sort: Sort,
): SortParam<K> | undefined {
  return searchSort(keys, sort.direction === 'desc' ? `-${sort.key}` : sort.key);
}
