import { Group, Text } from '@mantine/core';
import { AdminOnly } from '../../session/admin-only';
import { useAccountName } from '../../ui/account-select';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { QueryState } from '../../ui/query-state';
import { type AlertRule, useAllChannels, useDeleteRule, useRules, useUpdateRule } from './alerts-queries';
import { DeleteButton } from './delete-button';
import { EnabledState } from './enabled-state';
import { EditRuleButton, NewRuleButton } from './rule-form';
import { DELIVERY_LABELS, describeCondition } from './rule-kinds';

export function RulesTab() {
  const list = useRules();
  const channels = useAllChannels();
  const accountName = useAccountName();
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.name ?? id;
  const columns: Column<AlertRule>[] = [
    { key: 'name', header: 'Rule', render: (r) => r.name },
    { key: 'condition', header: 'Condition', render: (r) => describeCondition(r.condition) },
    {
      key: 'scope',
      header: 'Account',
      render: (r) => (r.accountId === null ? 'All accounts' : accountName(r.accountId)),
    },
    { key: 'channels', header: 'Channels', render: (r) => r.channelIds.map(channelName).join(', ') },
    {
      key: 'delivery',
      header: 'Delivery',
      render: (r) =>
        r.throttleMinutes === null
          ? DELIVERY_LABELS[r.delivery]
          : `${DELIVERY_LABELS[r.delivery]}, at most every ${r.throttleMinutes} min`,
    },
    { key: 'enabled', header: 'Enabled', render: (r) => <RuleEnabled rule={r} /> },
    { key: 'actions', header: 'Actions', render: (r) => <RuleActions rule={r} /> },
  ];

  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          A rule opens an alert when its condition holds, and notifies its channels.
        </Text>
        <Group gap="xs">
          <CsvLink path="/api/v1/alerts/rules" label="alert rules" />
          <AdminOnly>
            <NewRuleButton />
          </AdminOnly>
        </Group>
      </Group>
      <QueryState query={list} label="alert rules" isEmpty={list.rows.length === 0}>
        {() => (
          <DataTable
            label="Alert rules"
            columns={columns}
            rows={list.rows}
            rowId={(r) => r.id}
            rowLabel={(r) => r.name}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
          />
        )}
      </QueryState>
    </>
  );
}

function RuleEnabled({ rule }: { rule: AlertRule }) {
  const update = useUpdateRule(rule.id);
  return (
    <EnabledState
      what={`rule ${rule.name}`}
      enabled={rule.enabled}
      pending={update.isPending}
      onToggle={(enabled, callbacks) => update.mutate({ enabled }, callbacks)}
    />
  );
}

function RuleActions({ rule }: { rule: AlertRule }) {
  const remove = useDeleteRule(rule.id);
  return (
    <AdminOnly>
      <Group gap="xs" wrap="nowrap">
        <EditRuleButton rule={rule} />
        <DeleteButton
          what="rule"
          name={rule.name}
          consequence="The rule stops watching. Its open alerts resolve without notifying anyone."
          mutation={remove}
        />
      </Group>
    </AdminOnly>
  );
}
