import { Group } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../shell/page-header';
import { CsvLink } from '../../ui/csv-link';
import type { Sort } from '../../ui/data-table';
import { QueryState } from '../../ui/query-state';
import { BulkToolbar } from './bulk-toolbar';
import type { Verb } from './decision-rules';
import { DecisionModal, type PendingDecision } from './decision-modal';
import { useReconcileReadiness } from '../../queries/reconcile-readiness';
import { NotReadyAlert } from './not-ready-alert';
import { RefreshPrompt } from './refresh-prompt';
import { type FilterPatch, ReconciliationFilters } from './reconciliation-filters';
import { fromTableSort, type ReconciliationSearch, toTableSort } from './reconciliation-search';
import { ReconciliationSummary } from './reconciliation-summary';
import { RowDetailDrawer } from './row-detail-drawer';
import type { ReconciliationRow } from './row-labels';
import { RowsTable } from './rows-table';
import { isNotReady, useReconciliationRows } from './use-reconciliation-rows';

// Review of Duo seats against PSA quantities: filter, sort, decide (admins), and follow each row's history.
export function ReconciliationPage() {
  const search = useSearch({ from: '/reconciliation' });
  const navigate = useNavigate({ from: '/reconciliation' });
  const readiness = useReconcileReadiness();
  // Before anything is mapped the list would only answer 409; the summary already says so.
  const list = useReconciliationRows(search, readiness.status === 'ready');
  // UI state only: which rows are ticked, which decision is being confirmed, which row is open.
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [decision, setDecision] = useState<PendingDecision | null>(null);
  const [openRowId, setOpenRowId] = useState<string | null>(null);

  // Rows that are both ticked and loaded: a decision never names a row the user cannot see.
  const selected = useMemo(() => list.rows.filter((row) => selection.has(row.id)), [list.rows, selection]);

  const changeSearch = (next: ReconciliationSearch) => {
    setSelection(new Set());
    void navigate({ search: next });
  };
  const onFilter = (patch: FilterPatch) => changeSearch({ ...search, ...patch });
  const onSort = (sort: Sort) => changeSearch({ ...search, sort: fromTableSort(sort) });
  const decide = (verb: Verb, rows: readonly ReconciliationRow[]) =>
    setDecision({ verb, ids: rows.map((row) => row.id) });

  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Duo seats against PSA quantities, per mapped account and SKU"
        actions={
          <Group gap="xs">
            <RefreshPrompt onRefresh={() => void list.refetch()} />
            <CsvLink path="/api/v1/reconciliation" params={{ ...search }} label="reconciliation rows" />
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
                onDecide={(verb) => decide(verb, selected)}
                onClear={() => setSelection(new Set())}
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
                onDecide={(verb, row) => decide(verb, [row])}
              />
            </>
          )}
        </QueryState>
      )}
      {decision && (
        <DecisionModal
          decision={decision}
          onClose={() => setDecision(null)}
          onDone={() => {
            setDecision(null);
            setSelection(new Set());
          }}
        />
      )}
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
