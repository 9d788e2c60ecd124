import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { sortFromParam, sortToParam } from '../../ui/search-params';
import { AnchorLink } from '../../ui/anchor-link';
import { CatalogMatch, ServiceFlags, ServiceStatusBadge } from './saas-badges';
import { type Service, useServices } from './saas-queries';
import { SERVICE_SORT_KEYS, type SaasSearch, type SetSaasSearch } from './saas-search';
import { ServiceFilters } from './service-filters';

// Column keys of the sortable columns are the API's sort names.
const columns: Column<Service>[] = [
  {
    key: 'name',
    header: 'Service',
    sortable: true,
    render: (s) => (
      <Group gap={6} wrap="nowrap">
        <AnchorLink to="/saas/services/$serviceId" params={{ serviceId: s.id }} size="sm">
          {s.name}
        </AnchorLink>
        {s.mergedInto !== null && (
          <Badge size="xs" variant="outline" color="gray">
            merged
          </Badge>
        )}
        <ServiceFlags flags={s.flags} />
      </Group>
    ),
  },
  { key: 'catalog', header: 'Catalog match', render: (s) => <CatalogMatch catalog={s.catalog} /> },
  { key: 'status', header: 'Status', render: (s) => <ServiceStatusBadge status={s.status} /> },
  { key: 'userCount', header: 'Users', sortable: true, align: 'right', render: (s) => formatNumber(s.userCount) },
  {
    key: 'authCount',
    header: 'Sign-ins',
    sortable: true,
    align: 'right',
    render: (s) => formatNumber(s.authCount),
  },
  { key: 'denialCount', header: 'Denied', align: 'right', render: (s) => <Denials service={s} /> },
  { key: 'firstSeen', header: 'First seen', sortable: true, render: (s) => formatDateTime(s.firstSeen) },
  { key: 'lastSeen', header: 'Last seen', sortable: true, render: (s) => formatDateTime(s.lastSeen) },
];

// Denied sign-ins, with Duo's reasons on hover (the list carries them, so no extra request).
function Denials({ service }: { service: Service }) {
  const count = <Text size="sm">{formatNumber(service.denialCount)}</Text>;
  if (service.denialReasons.length === 0) return count;
  const reasons = service.denialReasons.map((r) => `${r.reason.replaceAll('_', ' ')}: ${formatNumber(r.count)}`);
  return <Tooltip label={reasons.join(' · ')}>{count}</Tooltip>;
}

interface Props {
  accountId: string;
  search: SaasSearch;
  setSearch: SetSaasSearch;
}

export function ServicesTab({ accountId, search, setSearch }: Props) {
  const list = useServices(accountId, search);
  return (
    <>
      <ServiceFilters accountId={accountId} search={search} setSearch={setSearch} />
      <QueryState
        query={list}
        label="services"
        isEmpty={list.rows.length === 0}
        empty="No services match these filters."
      >
        {() => (
          <DataTable
            label="Services"
            columns={columns}
            rows={list.rows}
            rowId={(s) => s.id}
            sort={sortFromParam(search.sort)}
            onSortChange={(sort) => setSearch({ sort: sortToParam(SERVICE_SORT_KEYS, sort) })}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
          />
        )}
      </QueryState>
    </>
  );
}
