import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import type { ItemOf, Page } from '../api/types';

type Row = ItemOf<'/api/v1/reconciliation'>;

// What reconcile.reconciliation.updated carries (docs/events.md): the row's new numbers and state.
export interface RowUpdate {
  rowId: string;
  vendorQuantity: number;
  psaQuantity: number;
  delta: number;
  type: Row['type'];
  state: Row['state'];
  // Absent in frames from before money was part of the event.
  monthlyImpact?: number | null;
  currency?: string | null;
  revision: number;
  updatedAt: string;
}

// Patches a row that a loaded reconciliation list shows, if the update is newer than what it shows.
// Answers whether any loaded list had the row: if none did, the change is new to the user.
export function applyRowUpdate(client: QueryClient, payload: unknown): boolean {
  if (!isRowUpdate(payload)) return true;
  let seen = false;
  client.setQueriesData<InfiniteData<Page<Row>>>({ queryKey: queryKeys.reconciliationList }, (data) => {
    if (!data) return data;
    const patched = patchPages(data.pages, payload);
    seen ||= patched.seen;
    return patched.changed ? { ...data, pages: patched.pages } : data;
  });
  return seen;
}

function patchPages(pages: Page<Row>[], update: RowUpdate): { pages: Page<Row>[]; seen: boolean; changed: boolean } {
  const result = { seen: false, changed: false };
  const next = pages.map((page) => ({
    ...page,
    items: page.items.map((row) => {
      if (row.id !== update.rowId) return row;
      result.seen = true;
      if (row.revision >= update.revision) return row;
      result.changed = true;
      return { ...row, ...pick(update) };
    }),
  }));
  return { pages: next, ...result };
}

function pick(update: RowUpdate): Partial<Row> {
  const { vendorQuantity, psaQuantity, delta, type, state, monthlyImpact, currency, revision, updatedAt } = update;
  // Frames without money keep what the row shows.
  const money = monthlyImpact === undefined ? {} : { monthlyImpact, currency: currency ?? null };
  return { vendorQuantity, psaQuantity, delta, type, state, revision, updatedAt, ...money };
}

// The gateway validated the payload against its contract; this only guards the console against a frame it
// cannot read (treated as seen: no refresh prompt for nothing).
function isRowUpdate(payload: unknown): payload is RowUpdate {
  if (typeof payload !== 'object' || payload === null) return false;
  const candidate = payload as Record<string, unknown>;
  return typeof candidate['rowId'] === 'string' && typeof candidate['revision'] === 'number';
}

// Whether any reconciliation list is loaded: a change to a row no loaded list shows is news only then (before
// the list is first opened, it will simply show the row).
export function hasLoadedRowList(client: QueryClient): boolean {
  return client.getQueriesData({ queryKey: queryKeys.reconciliationList }).some(([, data]) => data !== undefined);
}
