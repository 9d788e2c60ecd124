import { Group } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { AdminOnly } from '../../session/admin-only';
import { PageHeader } from '../../shell/page-header';
import { CsvLink } from '../../ui/csv-link';
import type { Sort } from '../../ui/data-table';
import { QueryState } from '../../ui/query-state';
import { BulkToolbar } from './bulk-toolbar';
import { DefaultDateSetting } from './default-date-setting';
import { useReconcileReadiness } from '../../queries/reconcile-readiness';
import { NotReadyAlert } from './not-ready-alert';
import { RefreshPrompt } from './refresh-prompt';
import { type FilterPatch, ReconciliationFilters } from './reconciliation-filters';
import { fromTableSort, type ReconciliationSearch, toListQuery, toTableSort } from './reconciliation-search';
import { ReconciliationSummary } from './reconciliation-summary';
import { RowActionDialog, useRowActions } from './row-action-dialog';
import { RowDetailDrawer } from './row-detail-drawer';
import { RowsTable } from './rows-table';
import { isNotReady, useReconciliationRows } from './use-reconciliation-rows';

// Review of Duo seats against PSA quantities: filter, sort, decide, mute and note (admins), and follow each row's
// history.
export function ReconciliationPage() {
  const search = useSearch({ from: '/reconciliation' });
  const navigate = useNavigate({ from: '/reconciliation' });
  const readiness = useReconcileReadiness();
  // Before anything is mapped the list would only answer 409; the summary already says so.
  const list = useReconciliationRows(search, readiness.status === 'ready');
  // UI state only: which rows are ticked, which row is open, which action waits for its dialog.
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [openRowId, setOpenRowId] = useState<string | null>(null);
  const clearSelection = () => setSelection(new Set());
  const actions = useRowActions(clearSelection);

  // Rows that are both ticked and loaded: a decision never names a row the user cannot see.
  const selected = useMemo(() => list.rows.filter((row) => selection.has(row.id)), [list.rows, selection]);

  const changeSearch = (next: ReconciliationSearch) => {
    setSelection(new Set());
    void navigate({ search: next });
  };
  const onFilter = (patch: FilterPatch) => changeSearch({ ...search, ...patch });
  const onSort = (sort: Sort) => changeSearch({ ...search, sort: fromTableSort(sort) });

  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Duo seats against PSA quantities, per mapped account and SKU"
        actions={
          <Group gap="xs" align="flex-end">
            <RefreshPrompt onRefresh={() => void list.refetch()} />
            <AdminOnly>
              <DefaultDateSetting />
            </AdminOnly>
            <CsvLink path="/api/v1/reconciliation" params={toListQuery(search)} label="reconciliation rows" />
          </Group>
        }
      />
      <ReconciliationSummary accountId={search.accountId} />
      <ReconciliationFilters search={search} onChange={onFilter} />
      {readiness.status === 'not-ready' || isNotReady(list.error) ? (
        <NotReadyAlert />
      ) : (
        <QueryState
          query={list}
          label="reconciliation rows"
          isEmpty={list.rows.length === 0}
          empty="No rows match these filters."
        >
          {() => (
            <>
              <BulkToolbar
                selected={selected}
                onAction={(action) => actions.start(action, selected)}
                onClear={clearSelection}
              />
              <RowsTable
                rows={list.rows}
                sort={toTableSort(search.sort)}
                onSortChange={onSort}
                selection={selection}
                onSelectionChange={setSelection}
                hasMore={list.hasNextPage}
                loadingMore={list.isFetchingNextPage}
                loadMore={() => void list.fetchNextPage()}
                onDetails={(row) => setOpenRowId(row.id)}
                onAction={(action, row) => actions.start(action, [row])}
              />
            </>
          )}
        </QueryState>
      )}
      {actions.pending && <RowActionDialog pending={actions.pending} onClose={actions.close} onDone={clearSelection} />}
      {openRowId !== null && (
        <RowDetailDrawer
          id={openRowId}
          shown={list.rows.find((row) => row.id === openRowId)}
          onClose={() => setOpenRowId(null)}
        />
      )}
    </>
  );
}
