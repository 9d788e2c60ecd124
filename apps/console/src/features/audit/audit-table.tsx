import { Anchor, Badge, Code, Text } from '@mantine/core';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { ItemOf } from '../../api/types';
import { useAccountName } from '../../ui/account-select';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { useCursorList } from '../../ui/use-cursor-list';
import { AuditDetails } from './audit-details';
import type { AuditSearch } from './audit-search';

export type AuditEntry = ItemOf<'/api/v1/audit'>;

export function useAuditLog(search: AuditSearch) {
  const api = useApi();
  return useCursorList([...queryKeys.audit, 'list', search], (cursor) =>
    unwrap(api.GET('/api/v1/audit', { params: { query: { ...search, ...(cursor === undefined ? {} : { cursor }) } } })),
  );
}

interface Props {
  search: AuditSearch;
  // Narrows the log to one target (a row, a mapping, a connection): its whole history.
  onTarget: (targetId: string) => void;
}

export function AuditTable({ search, onTarget }: Props) {
  const log = useAuditLog(search);
  const accountName = useAccountName();
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: 'Time', render: (e) => formatDateTime(e.at), width: 170 },
    { key: 'actor', header: 'Actor', render: (e) => e.actor },
    { key: 'action', header: 'Action', render: (e) => <Code>{e.action}</Code> },
    {
      key: 'target',
      header: 'Target',
      render: (e) => (
        <Text size="sm" span>
          <Badge variant="light" color="gray" size="sm" mr={6}>
            {e.targetKind}
          </Badge>
          <Anchor component="button" size="sm" onClick={() => onTarget(e.targetId)} aria-label={`Only ${e.targetId}`}>
            {e.targetId}
          </Anchor>
        </Text>
      ),
    },
    { key: 'account', header: 'Account', render: (e) => accountName(e.accountId) },
    { key: 'note', header: 'Note', render: (e) => e.note ?? '—' },
    {
      key: 'details',
      header: 'Details',
      render: (e) => <AuditDetails details={e.details} entryLabel={`${e.action} on ${e.targetId}`} />,
    },
  ];
  return (
    <QueryState
      query={log}
      label="the audit log"
      isEmpty={log.rows.length === 0}
      empty="No audit entries match these filters."
    >
      {() => (
        <DataTable
          label="Audit log"
          columns={columns}
          rows={log.rows}
          rowId={(e) => e.id}
          hasMore={log.hasNextPage}
          loadingMore={log.isFetchingNextPage}
          loadMore={() => void log.fetchNextPage()}
        />
      )}
    </QueryState>
  );
}
