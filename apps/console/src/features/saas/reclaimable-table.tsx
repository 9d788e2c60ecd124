import { Group, Select } from '@mantine/core';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { sortFromParam, sortToParam } from '../../ui/search-params';
import { AnchorLink } from '../../ui/anchor-link';
import { SeatReasonBadge, UserStatusBadge } from './saas-badges';
import {
  options,
  SEAT_REASON_LABELS,
  SEAT_SORT_KEYS,
  type SaasSearch,
  type SeatReason,
  type SetSaasSearch,
} from './saas-search';
import { type ReclaimableSeat, reclaimableParams, useReclaimable } from './seats-queries';

const enrolled = (e: boolean | null) => (e === null ? '—' : e ? 'Yes' : 'No');

// Column keys of the sortable columns are the API's sort names.
const columns: Column<ReclaimableSeat>[] = [
  {
    key: 'username',
    header: 'User',
    sortable: true,
    render: (u) => (
      <AnchorLink to="/saas/users/$userId" params={{ userId: u.id }} size="sm">
        {u.username}
      </AnchorLink>
    ),
  },
  { key: 'email', header: 'Email', render: (u) => u.email ?? '—' },
  // Reclaimable seats are billable ones, so never removed users.
  { key: 'status', header: 'Status', render: (u) => <UserStatusBadge status={u.status} removed={false} /> },
  { key: 'enrolled', header: 'Enrolled', render: (u) => enrolled(u.enrolled) },
  { key: 'lastSuccess', header: 'Last success', sortable: true, render: (u) => formatDateTime(u.lastSuccess) },
  { key: 'reason', header: 'Reason', render: (u) => <SeatReasonBadge reason={u.reason} /> },
];

interface Props {
  accountId: string;
  search: SaasSearch;
  setSearch: SetSaasSearch;
}

export function ReclaimableTable({ accountId, search, setSearch }: Props) {
  const list = useReclaimable(accountId, search);
  return (
    <>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Select<SeatReason>
          label="Reason"
          placeholder="Any reason"
          data={options(SEAT_REASON_LABELS)}
          value={search.reason ?? null}
          onChange={(reason) => setSearch({ reason: reason ?? undefined })}
          clearable
          w={180}
        />
        <CsvLink
          path={`/api/v1/discovery/seats/${encodeURIComponent(accountId)}/reclaimable`}
          params={reclaimableParams(search)}
          label="reclaimable seats"
        />
      </Group>
      <QueryState
        query={list}
        label="reclaimable seats"
        isEmpty={list.rows.length === 0}
        empty="No reclaimable seats match: every billable user signed in recently."
      >
        {() => (
          <DataTable
            label="Reclaimable seats"
            columns={columns}
            rows={list.rows}
            rowId={(u) => u.id}
            sort={sortFromParam(search.seatSort)}
            onSortChange={(sort) => setSearch({ seatSort: sortToParam(SEAT_SORT_KEYS, sort) })}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
          />
        )}
      </QueryState>
    </>
  );
}
