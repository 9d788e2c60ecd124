import { Badge, Group, Loader, Text } from '@mantine/core';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { LastErrorText } from './last-error';
import { type SyncRun, useSyncRuns } from './psa-queries';

const STATE_COLORS: Record<SyncRun['state'], string> = {
  pending: 'gray',
  in_progress: 'blue',
  complete: 'green',
  failed: 'red',
};

export function SyncRunStateBadge({ state }: { state: SyncRun['state'] }) {
  return (
    <Badge
      color={STATE_COLORS[state]}
      variant="light"
      leftSection={state === 'in_progress' ? <Loader size={10} aria-hidden /> : undefined}
    >
      {state.replace('_', ' ')}
    </Badge>
  );
}

const COLUMNS: readonly Column<SyncRun>[] = [
  { key: 'requestedAt', header: 'Requested', render: (r) => formatDateTime(r.requestedAt) },
  { key: 'state', header: 'State', render: (r) => <SyncRunStateBadge state={r.state} /> },
  { key: 'kind', header: 'Kind', render: (r) => r.kind },
  { key: 'trigger', header: 'Trigger', render: (r) => `${r.trigger} (${r.requestedBy})` },
  { key: 'finishedAt', header: 'Finished', render: (r) => formatDateTime(r.finishedAt) },
  {
    key: 'counts',
    header: 'Companies / products / agreements',
    render: (r) => `${r.counts.companies} / ${r.counts.products} / ${r.counts.agreements}`,
  },
  { key: 'error', header: 'Error', render: (r) => <LastErrorText error={r.error} />, width: 240 },
];

// The connection's recent sync runs, newest first.
export function SyncRunsTable({ connectionId, name }: { connectionId: string; name: string }) {
  const runs = useSyncRuns(connectionId);
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          Recent sync runs
        </Text>
        <CsvLink path="/api/v1/sync-runs" params={{ connectionId }} label={`sync runs of ${name}`} />
      </Group>
      <QueryState query={runs} label="sync runs" isEmpty={runs.rows.length === 0} empty="No sync run yet.">
        {() => (
          <DataTable
            label={`Sync runs of ${name}`}
            columns={COLUMNS}
            rows={runs.rows}
            rowId={(r) => r.id}
            hasMore={runs.hasNextPage}
            loadingMore={runs.isFetchingNextPage}
            loadMore={() => void runs.fetchNextPage()}
            height={220}
          />
        )}
      </QueryState>
    </div>
  );
}
