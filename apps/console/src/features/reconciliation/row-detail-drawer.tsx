import { Drawer, Stack, Title } from '@mantine/core';
import type { ItemOf } from '../../api/types';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { RowFields } from './row-fields';
import { type ReconciliationRow, rowName } from './row-labels';
import { useRow, useRowHistory } from './use-row-detail';

type AuditEntry = ItemOf<'/api/v1/audit'>;

function change(entry: AuditEntry): string {
  const { from, to } = entry.details;
  return typeof from === 'string' && typeof to === 'string' ? `${from} → ${to}` : '';
}

const HISTORY_COLUMNS: Column<AuditEntry>[] = [
  { key: 'at', header: 'When', render: (e) => formatDateTime(e.at) },
  { key: 'action', header: 'Action', render: (e) => e.action },
  { key: 'actor', header: 'By', render: (e) => e.actor },
  { key: 'change', header: 'Change', render: change },
  { key: 'note', header: 'Note', render: (e) => e.note ?? '' },
];

function History({ id }: { id: string }) {
  const history = useRowHistory(id);
  return (
    <QueryState query={history} label="history" isEmpty={history.rows.length === 0} empty="No decision yet.">
      {() => (
        <DataTable
          label="Row history"
          columns={HISTORY_COLUMNS}
          rows={history.rows}
          rowId={(e) => e.id}
          hasMore={history.hasNextPage}
          loadingMore={history.isFetchingNextPage}
          loadMore={() => void history.fetchNextPage()}
          height={320}
        />
      )}
    </QueryState>
  );
}

// A row in full (where it goes, its money, who decided, the last push error) and its audit history, newest first.
export function RowDetailDrawer({
  id,
  shown,
  onClose,
}: {
  id: string;
  shown: ReconciliationRow | undefined;
  onClose: () => void;
}) {
  const row = useRow(id, shown);
  const title = row.data ? rowName(row.data) : 'Reconciliation row';
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={title}>
      <Stack>
        <QueryState query={row} label="the row">
          {() => row.data && <RowFields row={row.data} />}
        </QueryState>
        <Title order={3} size="h5">
          History
        </Title>
        <History id={id} />
      </Stack>
    </Drawer>
  );
}
