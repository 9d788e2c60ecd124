import { Badge, Group, Select, Stack, Text } from '@mantine/core';
import { AccountSelect, useAccountName } from '../../ui/account-select';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { type AlertItem, type AlertsQuery, useAlerts, useAllRules } from './alerts-queries';
import {
  ALERT_STATE_FILTERS,
  type AlertsSearch,
  type AlertStateFilter,
  labelOptions,
  type SetAlertsSearch,
} from './alerts-search';

interface Props {
  search: AlertsSearch;
  setSearch: SetAlertsSearch;
}

// The list route's parameters for the URL's filters (the CSV link uses the same). No state means open.
function alertsQuery(search: AlertsSearch): AlertsQuery {
  const state = search.state ?? 'open';
  return {
    state: state === 'all' ? undefined : state,
    ruleId: search.ruleId,
    accountId: search.accountId,
  };
}

export function AlertsTab({ search, setSearch }: Props) {
  const query = alertsQuery(search);
  const list = useAlerts(query);
  const accountName = useAccountName();
  const columns: Column<AlertItem>[] = [
    {
      key: 'title',
      header: 'Alert',
      render: (a) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {a.title}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1} title={a.detail}>
            {a.detail}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'state',
      header: 'State',
      render: (a) => (
        <Badge variant="light" color={a.state === 'open' ? 'red' : 'gray'}>
          {ALERT_STATE_FILTERS[a.state]}
        </Badge>
      ),
    },
    { key: 'account', header: 'Account', render: (a) => accountName(a.accountId) },
    { key: 'rule', header: 'Rule', render: (a) => a.ruleName },
    { key: 'openedAt', header: 'Opened', render: (a) => formatDateTime(a.openedAt) },
    { key: 'resolvedAt', header: 'Resolved', render: (a) => formatDateTime(a.resolvedAt) },
  ];

  return (
    <>
      <AlertFilters search={search} setSearch={setSearch} />
      <Group justify="flex-end" mb="xs">
        <CsvLink path="/api/v1/alerts" params={query} label="alerts" />
      </Group>
      <QueryState query={list} label="alerts" isEmpty={list.rows.length === 0} empty="No alerts match these filters.">
        {() => (
          <DataTable
            label="Alerts"
            columns={columns}
            rows={list.rows}
            rowId={(a) => a.id}
            rowLabel={(a) => a.title}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
          />
        )}
      </QueryState>
    </>
  );
}

function AlertFilters({ search, setSearch }: Props) {
  const rules = useAllRules();
  const ruleOptions = rules.data?.map((r) => ({ value: r.id, label: r.name })) ?? [];
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <Select<AlertStateFilter>
        label="State"
        data={labelOptions(ALERT_STATE_FILTERS)}
        value={search.state ?? 'open'}
        onChange={(state) => setSearch({ state: state === 'open' || state === null ? undefined : state })}
        allowDeselect={false}
        w={160}
      />
      <Select
        label="Rule"
        placeholder={rules.isPending ? 'Loading rules…' : 'Any rule'}
        data={ruleOptions}
        value={search.ruleId ?? null}
        onChange={(ruleId) => setSearch({ ruleId: ruleId ?? undefined })}
        clearable
        searchable
        w={220}
      />
      <AccountSelect
        value={search.accountId}
        onChange={(accountId) => setSearch({ accountId })}
        clearable
        placeholder="All accounts"
      />
    </Group>
  );
}
