import type { MantineColor } from '@mantine/core';
import type { ItemOf, QueryOf } from '../../api/types';

export type ReconciliationRow = ItemOf<'/api/v1/reconciliation'>;
export type RowType = ReconciliationRow['type'];
export type RowState = ReconciliationRow['state'];
// The Duo SKUs the list filters by, read from the generated types rather than spelled again by hand. (Rows of
// an account whose edition Duo hides carry the SKU "Unknown", which is not a filter value.)
export type DuoSku = NonNullable<QueryOf<'/api/v1/reconciliation'>['sku']>;

// Records rather than arrays, so a type, state or SKU the API adds fails to compile here until it is named.
export const TYPE_LABELS: Record<RowType, string> = {
  new_revenue: 'New revenue',
  under_billed: 'Under-billed',
  over_billed: 'Over-billed',
  no_change: 'No change',
  unmapped: 'Unmapped',
};

export const TYPE_COLORS: Record<RowType, MantineColor> = {
  new_revenue: 'teal',
  under_billed: 'orange',
  over_billed: 'red',
  no_change: 'gray',
  unmapped: 'violet',
};

export const STATE_LABELS: Record<RowState, string> = {
  pending: 'Pending',
  approved: 'Approved',
  applied: 'Applied',
  dismissed: 'Dismissed',
  failed: 'Failed',
};

export const STATE_COLORS: Record<RowState, MantineColor> = {
  pending: 'blue',
  approved: 'cyan',
  applied: 'green',
  dismissed: 'gray',
  failed: 'red',
};

export const SKU_LABELS: Record<DuoSku, string> = {
  Essentials: 'Essentials',
  Advantage: 'Advantage',
  Premier: 'Premier',
  Free: 'Free',
};

export function keysOf<K extends string>(record: Record<K, unknown>): K[] {
  return Object.keys(record) as K[];
}

// How a row is named to people and assistive tech: "Acme Essentials".
export function rowName(row: Pick<ReconciliationRow, 'accountName' | 'sku'>): string {
  return `${row.accountName} ${row.sku}`;
}

// Positive: Duo has more seats than the PSA bills (revenue to claim); negative: the PSA bills seats Duo lacks.
export function deltaColor(delta: number): MantineColor {
  if (delta > 0) return 'teal';
  if (delta < 0) return 'red';
  return 'dimmed';
}

export type AgreementIssue = NonNullable<ReconciliationRow['agreementIssue']>;

// Why a row has no agreement to push to, in words.
export const AGREEMENT_ISSUE_LABELS: Record<AgreementIssue, string> = {
  no_active_agreement: 'The PSA company has no active agreement',
  ambiguous: 'The PSA company has several active agreements',
};

// A new line needs an agreement to go on: a new-revenue row without one cannot be approved until the account's
// agreement is chosen in Mapping.
export function needsAgreement(
  row: Pick<ReconciliationRow, 'type'> & Partial<Pick<ReconciliationRow, 'agreementIssue'>>,
) {
  return row.type === 'new_revenue' && row.agreementIssue !== null && row.agreementIssue !== undefined;
}

// Muted while mutedUntil is ahead (a mute that ran out leaves its date behind).
export function isMuted(row: Pick<ReconciliationRow, 'mutedUntil'>, now = Date.now()): boolean {
  return row.mutedUntil !== null && Date.parse(row.mutedUntil) > now;
}
