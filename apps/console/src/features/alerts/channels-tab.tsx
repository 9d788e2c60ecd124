import { Group, Text } from '@mantine/core';
import { AdminOnly } from '../../session/admin-only';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { QueryState } from '../../ui/query-state';
import { type AlertChannel, useChannels, useDeleteChannel, useUpdateChannel } from './alerts-queries';
import { EditChannelButton, NewChannelButton } from './channel-form';
import { ChannelKindBadge, channelTarget } from './channel-kinds';
import { DeleteButton } from './delete-button';
import { EnabledState } from './enabled-state';
import { TestChannelButton } from './test-channel-button';

const columns: Column<AlertChannel>[] = [
  { key: 'name', header: 'Channel', render: (c) => c.name },
  { key: 'kind', header: 'Kind', render: (c) => <ChannelKindBadge kind={c.kind} /> },
  {
    key: 'target',
    header: 'Sends to',
    render: (c) => (
      <Text size="sm" lineClamp={1} title={channelTarget(c)}>
        {channelTarget(c)}
      </Text>
    ),
  },
  { key: 'enabled', header: 'Enabled', render: (c) => <ChannelEnabled channel={c} /> },
  { key: 'actions', header: 'Actions', render: (c) => <ChannelActions channel={c} /> },
];

export function ChannelsTab() {
  const list = useChannels();
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          Where alerts go. A channel that keeps failing is disabled, with the reason shown here.
        </Text>
        <Group gap="xs">
          <CsvLink path="/api/v1/alerts/channels" label="alert channels" />
          <AdminOnly>
            <NewChannelButton />
          </AdminOnly>
        </Group>
      </Group>
      <QueryState query={list} label="alert channels" isEmpty={list.rows.length === 0}>
        {() => (
          <DataTable
            label="Alert channels"
            columns={columns}
            rows={list.rows}
            rowId={(c) => c.id}
            rowLabel={(c) => c.name}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
          />
        )}
      </QueryState>
    </>
  );
}

// Switching a channel back on clears why it was disabled (the API does).
function ChannelEnabled({ channel }: { channel: AlertChannel }) {
  const update = useUpdateChannel(channel.id);
  return (
    <EnabledState
      what={`channel ${channel.name}`}
      enabled={channel.enabled}
      disabledReason={channel.disabledReason}
      pending={update.isPending}
      onToggle={(enabled, callbacks) => update.mutate({ enabled }, callbacks)}
    />
  );
}

function ChannelActions({ channel }: { channel: AlertChannel }) {
  const remove = useDeleteChannel(channel.id);
  return (
    <AdminOnly>
      <Group gap="xs" wrap="nowrap">
        <EditChannelButton channel={channel} />
        <TestChannelButton channel={channel} />
        <DeleteButton
          what="channel"
          name={channel.name}
          consequence="Rules stop sending here; the delivery log keeps its past notifications."
          mutation={remove}
        />
      </Group>
    </AdminOnly>
  );
}
