import { Badge, Group, Text } from '@mantine/core';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime, formatDuration, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import type { AccountList, DuoAccount } from './duo-queries';
import { LastErrorText } from './last-error';
import { SyncStatusBadge } from './sync-status-badge';

const COLUMNS: readonly Column<DuoAccount>[] = [
  {
    key: 'name',
    header: 'Account',
    render: (a) => (
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{a.name}</Text>
        {a.removed && (
          <Badge size="xs" color="gray" variant="outline">
            removed
          </Badge>
        )}
      </Group>
    ),
  },
  { key: 'edition', header: 'Edition', render: (a) => a.edition ?? '—' },
  { key: 'seats', header: 'Seats', render: (a) => formatNumber(a.seats), align: 'right' },
  { key: 'syncStatus', header: 'Sync', render: (a) => <SyncStatusBadge status={a.syncStatus} /> },
  { key: 'behind', header: 'Behind', render: (a) => formatDuration(a.behindMs) },
  { key: 'lastSyncAt', header: 'Last sync', render: (a) => formatDateTime(a.lastSyncAt) },
  { key: 'lastError', header: 'Last error', render: (a) => <LastErrorText error={a.lastError} />, width: 260 },
];

// The Duo accounts an integration polls: one for an Admin API application, every child for an Accounts API one.
export function IntegrationAccountsTable(props: { integrationId: string; name: string; accounts: AccountList }) {
  const { integrationId, name, accounts } = props;
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          Duo accounts
        </Text>
        <CsvLink path="/api/v1/accounts" params={{ integrationId }} label={`Duo accounts of ${name}`} />
      </Group>
      <AccountRows name={name} accounts={accounts} />
    </div>
  );
}

function AccountRows({ name, accounts }: { name: string; accounts: AccountList }) {
  return (
    <QueryState query={accounts} label="accounts" isEmpty={accounts.rows.length === 0} empty="No accounts found yet.">
      {() => (
        <DataTable
          label={`Duo accounts of ${name}`}
          columns={COLUMNS}
          rows={accounts.rows}
          rowId={(a) => `${a.integrationId}/${a.id}`}
          hasMore={accounts.hasNextPage}
          loadingMore={accounts.isFetchingNextPage}
          loadMore={() => void accounts.fetchNextPage()}
          height={280}
        />
      )}
    </QueryState>
  );
}
