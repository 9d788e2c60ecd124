import { Badge, Group, Select, Text } from '@mantine/core';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { type DeliveriesQuery, type Delivery, useAllChannels, useDeliveries } from './alerts-queries';
import { type AlertsSearch, DELIVERY_STATE_LABELS, labelOptions, type SetAlertsSearch } from './alerts-search';

const STATE_COLORS: Record<Delivery['state'], string> = {
  pending: 'yellow',
  delivered: 'green',
  failed: 'red',
  digested: 'blue',
};
const KIND_LABELS: Record<Delivery['kind'], string> = { opened: 'Opened', resolved: 'Resolved', digest: 'Digest' };

interface Props {
  search: AlertsSearch;
  setSearch: SetAlertsSearch;
}

export function DeliveriesTab({ search, setSearch }: Props) {
  const query: DeliveriesQuery = { state: search.deliveryState, channelId: search.channelId };
  const list = useDeliveries(query);
  const channels = useAllChannels();
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.name ?? id;
  const columns: Column<Delivery>[] = [
    { key: 'createdAt', header: 'Created', render: (d) => formatDateTime(d.createdAt) },
    { key: 'kind', header: 'Notification', render: (d) => KIND_LABELS[d.kind] },
    { key: 'channel', header: 'Channel', render: (d) => channelName(d.channelId) },
    {
      key: 'state',
      header: 'State',
      render: (d) => (
        <Badge variant="light" color={STATE_COLORS[d.state]}>
          {DELIVERY_STATE_LABELS[d.state]}
        </Badge>
      ),
    },
    { key: 'attempts', header: 'Attempts', align: 'right', render: (d) => formatNumber(d.attempts) },
    {
      key: 'lastError',
      header: 'Last error',
      render: (d) =>
        d.lastError === null ? (
          '—'
        ) : (
          <Text size="sm" lineClamp={1} title={`${formatDateTime(d.lastError.at)}: ${d.lastError.detail}`}>
            {d.lastError.code}: {d.lastError.detail}
          </Text>
        ),
    },
    {
      key: 'when',
      header: 'Delivered / next try',
      render: (d) => (d.deliveredAt !== null ? formatDateTime(d.deliveredAt) : formatDateTime(d.nextAttemptAt)),
    },
  ];

  return (
    <>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Select<Delivery['state']>
          label="Delivery state"
          placeholder="Any state"
          data={labelOptions(DELIVERY_STATE_LABELS)}
          value={search.deliveryState ?? null}
          onChange={(deliveryState) => setSearch({ deliveryState: deliveryState ?? undefined })}
          clearable
          w={180}
        />
        <Select
          label="Channel"
          placeholder={channels.isPending ? 'Loading channels…' : 'Any channel'}
          data={channels.data?.map((c) => ({ value: c.id, label: c.name })) ?? []}
          value={search.channelId ?? null}
          onChange={(channelId) => setSearch({ channelId: channelId ?? undefined })}
          clearable
          searchable
          w={220}
        />
        <CsvLink path="/api/v1/alerts/deliveries" params={query} label="the delivery log" />
      </Group>
      <QueryState
        query={list}
        label="deliveries"
        isEmpty={list.rows.length === 0}
        empty="No notifications match these filters."
      >
        {() => (
          <DataTable
            label="Delivery log"
            columns={columns}
            rows={list.rows}
            rowId={(d) => d.id}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
          />
        )}
      </QueryState>
    </>
  );
}
