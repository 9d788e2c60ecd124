import { Badge, Text } from '@mantine/core';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { AnchorLink } from '../../ui/anchor-link';
import { matchMethodLabel } from './saas-badges';
import { type DiscoveryAction, useActions } from './saas-queries';

const ACTION_COLORS: Record<DiscoveryAction['action'], string> = {
  match: 'green',
  merge: 'blue',
  ignore: 'gray',
  unmatch: 'orange',
  unignore: 'teal',
};

const serviceLink = (id: string, name: string) => (
  <AnchorLink to="/saas/services/$serviceId" params={{ serviceId: id }} size="sm">
    {name}
  </AnchorLink>
);

const columns: Column<DiscoveryAction>[] = [
  { key: 'at', header: 'Time', render: (a) => formatDateTime(a.at), width: 170 },
  {
    key: 'action',
    header: 'Action',
    render: (a) => (
      <Badge variant="light" color={ACTION_COLORS[a.action]}>
        {a.action}
      </Badge>
    ),
  },
  { key: 'service', header: 'Service', render: (a) => serviceLink(a.serviceId, a.serviceName) },
  {
    key: 'result',
    header: 'Result',
    render: (a) =>
      a.intoServiceId !== null ? (
        <Text size="sm" span>
          into {serviceLink(a.intoServiceId, a.intoServiceId)}
        </Text>
      ) : a.catalog !== null ? (
        `${a.catalog.productName} (${matchMethodLabel(a.catalog.method)})`
      ) : (
        '—'
      ),
  },
  { key: 'actor', header: 'By', render: (a) => (a.automatic ? <Badge variant="outline">automatic</Badge> : a.actor) },
  { key: 'note', header: 'Note', render: (a) => a.note ?? '—' },
];

// The discovery action log (automatic matches, people's matches, merges, ignores): an account's, or one
// service's when serviceId is given.
export function ActionsTable(props: { accountId: string; automatic?: boolean | undefined; serviceId?: string }) {
  const list = useActions(props.accountId, props.automatic, props.serviceId);
  return (
    <QueryState query={list} label="the action log" isEmpty={list.rows.length === 0} empty="No actions recorded.">
      {() => (
        <DataTable
          label="Action log"
          columns={columns}
          rows={list.rows}
          rowId={(a) => a.id}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          loadMore={() => void list.fetchNextPage()}
          height={props.serviceId === undefined ? 560 : 320}
        />
      )}
    </QueryState>
  );
}
