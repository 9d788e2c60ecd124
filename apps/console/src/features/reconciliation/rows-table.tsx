import { Badge, Button, Group, Text } from '@mantine/core';
import { useCanChange } from '../../session/session';
import { type Column, DataTable, type Sort } from '../../ui/data-table';
import { formatDateTime, formatMoney, formatNumber, formatSigned } from '../../ui/format';
import type { RowAction } from './decision-rules';
import { RowActionsMenu } from './row-actions-menu';
import {
  deltaColor,
  isMuted,
  needsAgreement,
  type ReconciliationRow,
  rowName,
  STATE_COLORS,
  STATE_LABELS,
  TYPE_COLORS,
  TYPE_LABELS,
} from './row-labels';

function orDash(text: string | null) {
  return text ?? <Text c="dimmed">—</Text>;
}

interface Handlers {
  onDetails: (row: ReconciliationRow) => void;
  onAction: (action: RowAction, row: ReconciliationRow) => void;
}

// The type, and what keeps the row from being approved or reviewed: no agreement for a new line, a mute. One
// line each, as the virtualised rows have a fixed height.
function TypeCell({ row }: { row: ReconciliationRow }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={TYPE_COLORS[row.type]} variant="light">
        {TYPE_LABELS[row.type]}
      </Badge>
      {needsAgreement(row) && (
        <Badge color="yellow" variant="outline">
          Choose agreement
        </Badge>
      )}
    </Group>
  );
}

function StateCell({ row }: { row: ReconciliationRow }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATE_COLORS[row.state]}>{STATE_LABELS[row.state]}</Badge>
      {isMuted(row) && (
        <Badge color="gray" variant="outline">
          Muted
        </Badge>
      )}
    </Group>
  );
}

function columns({ onDetails, onAction }: Handlers): Column<ReconciliationRow>[] {
  return [
    { key: 'accountName', header: 'Account', render: (r) => r.accountName, sortable: true },
    { key: 'psaCompanyName', header: 'Company', render: (r) => orDash(r.psaCompanyName) },
    { key: 'sku', header: 'SKU', render: (r) => r.sku, sortable: true },
    { key: 'productName', header: 'Product', render: (r) => orDash(r.productName) },
    {
      key: 'vendorQuantity',
      header: 'Duo seats',
      render: (r) => formatNumber(r.vendorQuantity),
      sortable: true,
      align: 'right',
    },
    {
      // Beside the seats: who actually signed in (30 days), from discovery; a dash until it has reported.
      key: 'activeUsers',
      header: 'Active (30 d)',
      render: (r) => (r.usage === null ? orDash(null) : formatNumber(r.usage.activeUsers30d)),
      align: 'right',
    },
    {
      key: 'psaQuantity',
      header: 'PSA quantity',
      render: (r) => formatNumber(r.psaQuantity),
      sortable: true,
      align: 'right',
    },
    {
      key: 'delta',
      header: 'Delta',
      render: (r) => (
        <Text span c={deltaColor(r.delta)} fw={600} size="sm">
          {formatSigned(r.delta)}
        </Text>
      ),
      sortable: true,
      align: 'right',
    },
    {
      key: 'monthlyImpact',
      header: 'Per month',
      render: (r) => (
        <Text span c={deltaColor(r.monthlyImpact ?? 0)} size="sm">
          {formatMoney(r.monthlyImpact, r.currency)}
        </Text>
      ),
      sortable: true,
      align: 'right',
    },
    {
      key: 'type',
      header: 'Type',
      render: (r) => <TypeCell row={r} />,
      sortable: true,
    },
    {
      key: 'state',
      header: 'State',
      render: (r) => <StateCell row={r} />,
      sortable: true,
    },
    { key: 'updatedAt', header: 'Updated', render: (r) => formatDateTime(r.updatedAt), sortable: true },
    {
      key: 'actions',
      header: 'Actions',
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={() => onDetails(r)}
            aria-label={`Details for ${rowName(r)}`}
          >
            Details
          </Button>
          <RowActionsMenu row={r} onAction={(action) => onAction(action, r)} />
        </Group>
      ),
    },
  ];
}

export interface RowsTableProps extends Handlers {
  rows: readonly ReconciliationRow[];
  sort: Sort | null;
  onSortChange: (sort: Sort) => void;
  selection: ReadonlySet<string>;
  onSelectionChange: (next: Set<string>) => void;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

// The rows with their decisions. Only an admin can select rows: selection exists for the bulk decisions.
export function RowsTable(props: RowsTableProps) {
  const canChange = useCanChange();
  return (
    <DataTable
      label="Reconciliation rows"
      columns={columns(props)}
      rows={props.rows}
      rowId={(r) => r.id}
      rowLabel={rowName}
      sort={props.sort}
      onSortChange={props.onSortChange}
      {...(canChange ? { selection: props.selection, onSelectionChange: props.onSelectionChange } : {})}
      hasMore={props.hasMore}
      loadingMore={props.loadingMore}
      loadMore={props.loadMore}
    />
  );
}
