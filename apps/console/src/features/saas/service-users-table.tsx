import { Group } from '@mantine/core';
import { useState } from 'react';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable, type Sort } from '../../ui/data-table';
import { formatDateTime, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { sortToParam } from '../../ui/search-params';
import { AnchorLink } from '../../ui/anchor-link';
import { type ServiceUser, useServiceUsers } from './saas-queries';

const SORT_KEYS = { lastSeen: true, count: true } as const;

const columns: Column<ServiceUser>[] = [
  {
    key: 'username',
    header: 'Username',
    render: (u) => (
      <AnchorLink to="/saas/users/$userId" params={{ userId: u.userId }} size="sm">
        {u.username}
      </AnchorLink>
    ),
  },
  { key: 'realName', header: 'Name', render: (u) => u.realName ?? '—' },
  { key: 'email', header: 'Email', render: (u) => u.email ?? '—' },
  { key: 'count', header: 'Sign-ins', sortable: true, align: 'right', render: (u) => formatNumber(u.count) },
  { key: 'firstSeen', header: 'First use', render: (u) => formatDateTime(u.firstSeen) },
  { key: 'lastSeen', header: 'Last use', sortable: true, render: (u) => formatDateTime(u.lastSeen) },
];

export function ServiceUsersTable({ serviceId }: { serviceId: string }) {
  const [sort, setSort] = useState<Sort | null>(null);
  const sortParam = sort === null ? undefined : sortToParam(SORT_KEYS, sort);
  const list = useServiceUsers(serviceId, sortParam);
  return (
    <>
      <Group justify="flex-end" mb="xs">
        <CsvLink
          path={`/api/v1/services/${encodeURIComponent(serviceId)}/users`}
          params={{ sort: sortParam }}
          label="the service's users"
        />
      </Group>
      <QueryState query={list} label="the service's users" isEmpty={list.rows.length === 0}>
        {() => (
          <DataTable
            label="Users of the service"
            columns={columns}
            rows={list.rows}
            rowId={(u) => u.userId}
            sort={sort}
            onSortChange={setSort}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
            height={420}
          />
        )}
      </QueryState>
    </>
  );
}
