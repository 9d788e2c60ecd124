import { Group, Select, Switch, TextInput } from '@mantine/core';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { sortFromParam, sortToParam } from '../../ui/search-params';
import { useDebouncedDraft } from '../../ui/use-debounced-draft';
import { AnchorLink } from '../../ui/anchor-link';
import { UserStatusBadge } from './saas-badges';
import { type DuoUser, useUsers, usersParams } from './saas-queries';
import {
  options,
  type SaasSearch,
  type SetSaasSearch,
  USER_SORT_KEYS,
  USER_STATUS_LABELS,
  type UserStatus,
} from './saas-search';

const columns: Column<DuoUser>[] = [
  {
    key: 'username',
    header: 'Username',
    sortable: true,
    render: (u) => (
      <AnchorLink to="/saas/users/$userId" params={{ userId: u.id }} size="sm">
        {u.username}
      </AnchorLink>
    ),
  },
  { key: 'realName', header: 'Name', render: (u) => u.realName ?? '—' },
  { key: 'email', header: 'Email', render: (u) => u.email ?? '—' },
  { key: 'status', header: 'Status', render: (u) => <UserStatusBadge status={u.status} removed={u.removed} /> },
  {
    key: 'serviceCount',
    header: 'Services',
    sortable: true,
    align: 'right',
    render: (u) => formatNumber(u.serviceCount),
  },
  { key: 'authCount', header: 'Sign-ins', sortable: true, align: 'right', render: (u) => formatNumber(u.authCount) },
  { key: 'lastSeen', header: 'Last seen', sortable: true, render: (u) => formatDateTime(u.lastSeen) },
];

interface Props {
  accountId: string;
  search: SaasSearch;
  setSearch: SetSaasSearch;
}

export function UsersTab({ accountId, search, setSearch }: Props) {
  const list = useUsers(accountId, search);
  const [q, setQ] = useDebouncedDraft(search.userQ, (value) => setSearch({ userQ: value }));
  return (
    <>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TextInput
          label="Search users"
          placeholder="Username, name or email"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Select<UserStatus>
          label="Duo status"
          placeholder="Any status"
          data={options(USER_STATUS_LABELS)}
          value={search.userStatus ?? null}
          onChange={(userStatus) => setSearch({ userStatus: userStatus ?? undefined })}
          clearable
          w={180}
        />
        <Switch
          label="Removed users only"
          checked={search.removed ?? false}
          onChange={(e) => setSearch({ removed: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <CsvLink path="/api/v1/users" params={usersParams(accountId, search)} label="users" />
      </Group>
      <QueryState query={list} label="users" isEmpty={list.rows.length === 0} empty="No users match these filters.">
        {() => (
          <DataTable
            label="Users"
            columns={columns}
            rows={list.rows}
            rowId={(u) => u.id}
            sort={sortFromParam(search.userSort)}
            onSortChange={(sort) => setSearch({ userSort: sortToParam(USER_SORT_KEYS, sort) })}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
          />
        )}
      </QueryState>
    </>
  );
}
