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

// A stored-field filter plus range conditions (delta size, muted), all of which must hold.
export type RowQueryFilter = Partial<RowFilter> & { $and?: Record<string, unknown>[] };

export interface RowListRequest extends RowFilter {
  // Only rows whose |delta| is at least this.
  minDelta?: number | undefined;
  // true: only rows muted now; false: only rows not muted now; absent: both.
  muted?: boolean | undefined;
  sort?: ReconciliationSort | undefined;
  limit: number;
  cursor?: string | undefined;
}

// The stored fields the list sorts by: each public sort is the field's own name.
export const ROW_SORT_FIELDS = RECONCILIATION_SORTS.filter((sort) => !sort.startsWith('-'));

// The find behind one page: only the filters the caller gave (picked by name, so nothing else in the request
// becomes a condition) and the sort, by row id unless a column is named.
export function rowListQuery(
  request: RowListRequest,
  now: Date = new Date(),
): { filter: RowQueryFilter; page: PageRequest } {
  const { type, state, accountId, sku, psaCompanyId, minDelta, muted, sort, limit, cursor } = request;
  const equal = definedOnly({ type, state, accountId, sku, psaCompanyId });
  const ranges = [sizeCondition(minDelta), mutedCondition(muted, now)].filter((c) => c !== null);
  return {
    filter: ranges.length === 0 ? equal : { ...equal, $and: ranges },
    page: { sort: sort ?? '_id', limit, cursor },
  };
}

function sizeCondition(minDelta: number | undefined): Record<string, unknown> | null {
  if (minDelta === undefined || minDelta <= 0) return null;
  return { $or: [{ delta: { $gte: minDelta } }, { delta: { $lte: -minDelta } }] };
}

// A row is muted while mutedUntil is in the future (the field is absent or null on rows never muted).
function mutedCondition(muted: boolean | undefined, now: Date): Record<string, unknown> | null {
  if (muted === undefined) return null;
  return muted ? { mutedUntil: { $gt: now } } : { $or: [{ mutedUntil: null }, { mutedUntil: { $lte: now } }] };
}
