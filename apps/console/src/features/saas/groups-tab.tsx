import { Group, Select, TextInput } from '@mantine/core';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { sortFromParam, sortToParam } from '../../ui/search-params';
import { useDebouncedDraft } from '../../ui/use-debounced-draft';
import { AnchorLink } from '../../ui/anchor-link';
import { GroupMatch } from './group-match';
import { groupsParams, type ServiceGroup, useServiceGroups } from './groups-queries';
import { GROUP_SORT_KEYS, type SaasSearch, type SetSaasSearch } from './saas-search';

const MATCH_OPTIONS = [
  { value: 'true', label: 'Catalog products' },
  { value: 'false', label: 'Unmatched names' },
];

// Column keys of the sortable columns are the API's sort names.
const columns: Column<ServiceGroup>[] = [
  {
    key: 'name',
    header: 'Service',
    sortable: true,
    render: (g) => (
      <AnchorLink to="/saas/groups/$groupId" params={{ groupId: g.id }} size="sm">
        {g.name}
      </AnchorLink>
    ),
  },
  { key: 'catalog', header: 'Catalog match', render: (g) => <GroupMatch group={g} /> },
  { key: 'customers', header: 'Customers', sortable: true, align: 'right', render: (g) => formatNumber(g.customers) },
  { key: 'users', header: 'Users', sortable: true, align: 'right', render: (g) => formatNumber(g.users) },
  { key: 'firstSeen', header: 'First seen', sortable: true, render: (g) => formatDateTime(g.firstSeen) },
  { key: 'lastSeen', header: 'Last seen', sortable: true, render: (g) => formatDateTime(g.lastSeen) },
];

interface Props {
  search: SaasSearch;
  setSearch: SetSaasSearch;
}

// Services across every customer account: how widely each is used, for an MSP's portfolio view.
export function GroupsTab({ search, setSearch }: Props) {
  const list = useServiceGroups(search);
  const [q, setQ] = useDebouncedDraft(search.groupQ, (value) => setSearch({ groupQ: value }));
  return (
    <>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TextInput label="Search services" placeholder="Name" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select
          label="Catalog match"
          placeholder="Matched or not"
          data={MATCH_OPTIONS}
          value={search.groupMatched === undefined ? null : String(search.groupMatched)}
          onChange={(value) => setSearch({ groupMatched: value === null ? undefined : value === 'true' })}
          clearable
          w={180}
        />
        <CsvLink path="/api/v1/discovery/groups" params={groupsParams(search)} label="services across customers" />
      </Group>
      <QueryState
        query={list}
        label="services across customers"
        isEmpty={list.rows.length === 0}
        empty="No services match these filters."
      >
        {() => (
          <DataTable
            label="Services across customers"
            columns={columns}
            rows={list.rows}
            rowId={(g) => g.id}
            sort={sortFromParam(search.groupSort)}
            onSortChange={(sort) => setSearch({ groupSort: sortToParam(GROUP_SORT_KEYS, sort) })}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
          />
        )}
      </QueryState>
    </>
  );
}
