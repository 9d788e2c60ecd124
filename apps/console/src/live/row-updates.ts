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
  revision: number;
  updatedAt: string;
}

// Patches a row that a loaded reconciliation list shows, if the update is newer than what it shows.
// Answers whether any loaded list had the row: if none did, the change is new to the user.
export function applyRowUpdate(client: QueryClient, update: RowUpdate): boolean {
  if (typeof update !== 'object' || typeof update.rowId !== 'string') return true;
  let seen = false;
  client.setQueriesData<InfiniteData<Page<Row>>>({ queryKey: queryKeys.reconciliationList }, (data) => {
    if (!data) return data;
    let changed = false;
    const pages = data.pages.map((page) => ({
      ...page,
      items: page.items.map((row) => {
        if (row.id !== update.rowId) return row;
        seen = true;
        if (row.revision >= update.revision) return row;
        changed = true;
        return { ...row, ...pick(update) };
      }),
    }));
    return changed ? { ...data, pages } : data;
  });
  return seen;
}

function pick(update: RowUpdate): Partial<Row> {
  const { vendorQuantity, psaQuantity, delta, type, state, revision, updatedAt } = update;
  return { vendorQuantity, psaQuantity, delta, type, state, revision, updatedAt };
}
