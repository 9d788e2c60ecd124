import { Group } from '@mantine/core';
import { useState } from 'react';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable, type Sort } from '../../ui/data-table';
import { formatDateTime, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { sortToParam } from '../../ui/search-params';
import { AnchorLink } from '../../ui/anchor-link';
import { CatalogMatch, ServiceStatusBadge } from './saas-badges';
import { type UserService, useUserServices } from './saas-queries';

const SORT_KEYS = { lastSeen: true, count: true } as const;

const columns: Column<UserService>[] = [
  {
    key: 'name',
    header: 'Service',
    render: (s) => (
      <AnchorLink to="/saas/services/$serviceId" params={{ serviceId: s.serviceId }} size="sm">
        {s.name}
      </AnchorLink>
    ),
  },
  { key: 'catalog', header: 'Catalog match', render: (s) => <CatalogMatch catalog={s.catalog} /> },
  { key: 'status', header: 'Status', render: (s) => <ServiceStatusBadge status={s.status} /> },
  { key: 'count', header: 'Sign-ins', sortable: true, align: 'right', render: (s) => formatNumber(s.count) },
  { key: 'firstSeen', header: 'First use', render: (s) => formatDateTime(s.firstSeen) },
  { key: 'lastSeen', header: 'Last use', sortable: true, render: (s) => formatDateTime(s.lastSeen) },
];

export function UserServicesTable({ userId }: { userId: string }) {
  const [sort, setSort] = useState<Sort | null>(null);
  const sortParam = sort === null ? undefined : sortToParam(SORT_KEYS, sort);
  const list = useUserServices(userId, sortParam);
  return (
    <>
      <Group justify="flex-end" mb="xs">
        <CsvLink
          path={`/api/v1/users/${encodeURIComponent(userId)}/services`}
          params={{ sort: sortParam }}
          label="the user's services"
        />
      </Group>
      <QueryState query={list} label="the user's services" isEmpty={list.rows.length === 0}>
        {() => (
          <DataTable
            label="Services used"
            columns={columns}
            rows={list.rows}
            rowId={(s) => s.serviceId}
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
