import { Badge, DataList, Drawer, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ItemOf } from '../../api/types';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDate, formatDateTime, formatNumber, formatSigned } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import {
  deltaColor,
  type ReconciliationRow,
  rowName,
  STATE_COLORS,
  STATE_LABELS,
  TYPE_COLORS,
  TYPE_LABELS,
} from './row-labels';
import { useRow, useRowHistory } from './use-row-detail';

type AuditEntry = ItemOf<'/api/v1/audit'>;

function change(entry: AuditEntry): string {
  const { from, to } = entry.details;
  return typeof from === 'string' && typeof to === 'string' ? `${from} → ${to}` : '';
}

const HISTORY_COLUMNS: Column<AuditEntry>[] = [
  { key: 'at', header: 'When', render: (e) => formatDateTime(e.at) },
  { key: 'action', header: 'Action', render: (e) => e.action },
  { key: 'actor', header: 'By', render: (e) => e.actor },
  { key: 'change', header: 'Change', render: change },
  { key: 'note', header: 'Note', render: (e) => e.note ?? '' },
];

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function RowFields({ row }: { row: ReconciliationRow }) {
  return (
    <DataList labelWidth={140} aria-label="Row details">
      <Item label="Account">{row.accountName}</Item>
      <Item label="Company">{row.psaCompanyName ?? '—'}</Item>
      <Item label="SKU">{row.sku}</Item>
      <Item label="Product">{row.productName ?? '—'}</Item>
      <Item label="Duo seats">{formatNumber(row.vendorQuantity)}</Item>
      <Item label="PSA quantity">{formatNumber(row.psaQuantity)}</Item>
      <Item label="Delta">
        <Text span c={deltaColor(row.delta)} fw={600}>
          {formatSigned(row.delta)}
        </Text>
      </Item>
      <Item label="Type">
        <Badge color={TYPE_COLORS[row.type]} variant="light">
          {TYPE_LABELS[row.type]}
        </Badge>
      </Item>
      <Item label="State">
        <Badge color={STATE_COLORS[row.state]}>{STATE_LABELS[row.state]}</Badge>
      </Item>
      <Item label="Effective date">{formatDate(row.effectiveDate)}</Item>
      <Item label="Decided by">{row.decidedBy ?? '—'}</Item>
      <Item label="Decided at">{formatDateTime(row.decidedAt)}</Item>
      <Item label="Applied at">{formatDateTime(row.appliedAt)}</Item>
      <Item label="Note">{row.note ?? '—'}</Item>
      <Item label="Last error">
        {row.lastError ? (
          <Text span c="red" size="sm">
            {row.lastError.message} ({row.lastError.code}, {formatDateTime(row.lastError.at)})
          </Text>
        ) : (
          '—'
        )}
      </Item>
      <Item label="Updated">{formatDateTime(row.updatedAt)}</Item>
    </DataList>
  );
}

function History({ id }: { id: string }) {
  const history = useRowHistory(id);
  return (
    <QueryState query={history} label="history" isEmpty={history.rows.length === 0} empty="No decision yet.">
      {() => (
        <DataTable
          label="Row history"
          columns={HISTORY_COLUMNS}
          rows={history.rows}
          rowId={(e) => e.id}
          hasMore={history.hasNextPage}
          loadingMore={history.isFetchingNextPage}
          loadMore={() => void history.fetchNextPage()}
          height={320}
        />
      )}
    </QueryState>
  );
}

// A row in full (who decided, when, the last push error) and its audit history, newest first.
export function RowDetailDrawer({
  id,
  shown,
  onClose,
}: {
  id: string;
  shown: ReconciliationRow | undefined;
  onClose: () => void;
}) {
  const row = useRow(id, shown);
  const title = row.data ? rowName(row.data) : 'Reconciliation row';
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={title}>
      <Stack>
        <QueryState query={row} label="the row">
          {() => row.data && <RowFields row={row.data} />}
        </QueryState>
        <Title order={3} size="h5">
          History
        </Title>
        <History id={id} />
      </Stack>
    </Drawer>
  );
}
