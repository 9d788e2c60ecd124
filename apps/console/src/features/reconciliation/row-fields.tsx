import { Badge, DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../ui/anchor-link';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPrice, formatSigned } from '../../ui/format';
import {
  AGREEMENT_ISSUE_LABELS,
  deltaColor,
  isMuted,
  type ReconciliationRow,
  STATE_COLORS,
  STATE_LABELS,
  TYPE_COLORS,
  TYPE_LABELS,
} from './row-labels';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

// The agreement a push goes to, or why there is none, with the way to choose one.
function Agreement({ row }: { row: ReconciliationRow }) {
  if (row.agreementIssue === null) return <>{row.agreementName ?? '—'}</>;
  return (
    <Text span size="sm" c="orange">
      {AGREEMENT_ISSUE_LABELS[row.agreementIssue]}.{' '}
      <AnchorLink to="/mapping" search={{ account: row.accountName }} size="sm">
        Choose the agreement for {row.accountName} in Mapping
      </AnchorLink>
    </Text>
  );
}

// An id the row also names (its company, product, agreement) shows by that name; another one as itself.
function named(id: string | null, rowId: string | null, name: string | null): string {
  if (id === null) return '—';
  return id === rowId && name !== null ? name : id;
}

// What was approved, exactly as the push sends it.
function ApprovedFields({ row }: { row: ReconciliationRow }) {
  const { approved } = row;
  if (approved === null) return null;
  return (
    <>
      <Item label="Approved quantity">{formatNumber(approved.quantity)}</Item>
      <Item label="Approved effective date">
        {approved.effectiveDate === null ? 'Not set' : formatDate(approved.effectiveDate)}
      </Item>
      <Item label="Approved company">{named(approved.psaCompanyId, row.psaCompanyId, row.psaCompanyName)}</Item>
      <Item label="Approved product">{named(approved.productId, row.productId, row.productName)}</Item>
      <Item label="Approved agreement">{named(approved.agreementId, row.agreementId, row.agreementName)}</Item>
    </>
  );
}

// The account's seats actually in use, as discovery last reported it.
function Usage({ row }: { row: ReconciliationRow }) {
  const { usage } = row;
  if (usage === null) return <Item label="Active users (30 days)">Not reported by discovery yet</Item>;
  return (
    <>
      <Item label="Active users (30 days)">{formatNumber(usage.activeUsers30d)}</Item>
      <Item label="Reclaimable seats">
        {`${formatNumber(usage.reclaimable)} (no successful sign-in for ${usage.unusedAfterDays} days, never enrolled or only denied)`}
      </Item>
    </>
  );
}

function Money({ row }: { row: ReconciliationRow }) {
  return (
    <>
      <Item label="Unit price">
        {row.unitPrice === null ? 'No price in the PSA' : `${formatPrice(row.unitPrice, row.currency)} per month`}
      </Item>
      <Item label="Per month">
        <Text span c={deltaColor(row.monthlyImpact ?? 0)} fw={600}>
          {formatMoney(row.monthlyImpact, row.currency)}
        </Text>
      </Item>
    </>
  );
}

export function RowFields({ row }: { row: ReconciliationRow }) {
  return (
    <DataList labelWidth={160} aria-label="Row details">
      <Item label="Account">{row.accountName}</Item>
      <Item label="Company">{row.psaCompanyName ?? '—'}</Item>
      <Item label="SKU">{row.sku}</Item>
      <Item label="Product">{row.productName ?? '—'}</Item>
      <Item label="Agreement">
        <Agreement row={row} />
      </Item>
      <Item label="Duo seats">{formatNumber(row.vendorQuantity)}</Item>
      <Usage row={row} />
      <Item label="PSA quantity">{formatNumber(row.psaQuantity)}</Item>
      <Item label="Delta">
        <Text span c={deltaColor(row.delta)} fw={600}>
          {formatSigned(row.delta)}
        </Text>
      </Item>
      <Money row={row} />
      <Item label="Type">
        <Badge color={TYPE_COLORS[row.type]} variant="light">
          {TYPE_LABELS[row.type]}
        </Badge>
      </Item>
      <Item label="State">
        <Badge color={STATE_COLORS[row.state]}>{STATE_LABELS[row.state]}</Badge>
      </Item>
      <Item label="Muted until">{isMuted(row) ? formatDateTime(row.mutedUntil) : '—'}</Item>
      <Item label="Effective date">{formatDate(row.effectiveDate)}</Item>
      <ApprovedFields row={row} />
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
