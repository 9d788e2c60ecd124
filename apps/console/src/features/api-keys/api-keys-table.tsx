import { Badge, Code } from '@mantine/core';
import { AdminOnly } from '../../session/admin-only';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { type ApiKey, useApiKeys } from './api-keys-queries';
import { RevokeApiKey } from './revoke-api-key';

const columns: Column<ApiKey>[] = [
  { key: 'name', header: 'Name', render: (k) => k.name },
  { key: 'prefix', header: 'Key', render: (k) => <Code>{k.prefix}…</Code> },
  {
    key: 'role',
    header: 'Role',
    render: (k) => (
      <Badge variant="light" color={k.role === 'admin' ? 'blue' : 'gray'}>
        {k.role}
      </Badge>
    ),
  },
  { key: 'createdAt', header: 'Created', render: (k) => formatDateTime(k.createdAt) },
  { key: 'lastUsedAt', header: 'Last used', render: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'never') },
  {
    key: 'state',
    header: 'State',
    render: (k) =>
      k.revokedAt ? (
        <Badge color="red" variant="light" title={`Revoked ${formatDateTime(k.revokedAt)}`}>
          revoked {formatDateTime(k.revokedAt)}
        </Badge>
      ) : (
        <Badge color="green" variant="light">
          active
        </Badge>
      ),
  },
  {
    key: 'actions',
    header: 'Actions',
    render: (k) =>
      k.revokedAt ? null : (
        <AdminOnly>
          <RevokeApiKey apiKey={k} />
        </AdminOnly>
      ),
  },
];

export function ApiKeysTable() {
  const list = useApiKeys();
  return (
    <QueryState query={list} label="API keys" isEmpty={list.rows.length === 0}>
      {() => (
        <DataTable
          label="API keys"
          columns={columns}
          rows={list.rows}
          rowId={(k) => k.id}
          rowLabel={(k) => k.name}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          loadMore={() => void list.fetchNextPage()}
        />
      )}
    </QueryState>
  );
}
