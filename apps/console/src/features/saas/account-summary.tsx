import { Anchor } from '@mantine/core';
import { useAccountName } from '../../ui/account-select';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { FactLine } from './fact-line';
import { type AccountSummary, useDiscoverySummary } from './saas-queries';

// The discovery summary (services, matched, unmatched, new this week, users) is read in this file only, so a
// change of its shape is adapted here.

export function AccountSummaryLine({ accountId }: { accountId: string }) {
  const summary = useDiscoverySummary(accountId);
  const line = summary.data?.items.find((s) => s.accountId === accountId);
  if (line === undefined) return null;
  const facts: [string, string][] = [
    ['Services', formatNumber(line.services)],
    ['Matched', formatNumber(line.matched)],
    ['Unmatched', formatNumber(line.unmatched)],
    ['Ignored', formatNumber(line.ignored)],
    ['New this week', formatNumber(line.newThisWeek)],
    ['Users', formatNumber(line.users)],
    ['Last seen', formatDateTime(line.lastSeen)],
  ];
  return <FactLine label="Account summary" facts={facts} />;
}

// Before an account is chosen: every account's summary, each opening that account's inventory.
export function AccountsSummaryTable({ onChoose }: { onChoose: (accountId: string) => void }) {
  const summary = useDiscoverySummary(undefined);
  const accountName = useAccountName();
  const rows = summary.data?.items ?? [];
  const columns: Column<AccountSummary>[] = [
    {
      key: 'account',
      header: 'Account',
      render: (s) => (
        <Anchor component="button" size="sm" onClick={() => onChoose(s.accountId)}>
          {accountName(s.accountId)}
        </Anchor>
      ),
    },
    { key: 'services', header: 'Services', render: (s) => formatNumber(s.services), align: 'right' },
    { key: 'matched', header: 'Matched', render: (s) => formatNumber(s.matched), align: 'right' },
    { key: 'unmatched', header: 'Unmatched', render: (s) => formatNumber(s.unmatched), align: 'right' },
    { key: 'newThisWeek', header: 'New this week', render: (s) => formatNumber(s.newThisWeek), align: 'right' },
    { key: 'users', header: 'Users', render: (s) => formatNumber(s.users), align: 'right' },
    { key: 'lastSeen', header: 'Last seen', render: (s) => formatDateTime(s.lastSeen) },
  ];
  return (
    <QueryState
      query={summary}
      label="the accounts' inventories"
      isEmpty={rows.length === 0}
      empty="No SaaS services discovered yet: they appear once Duo authentication logs are synced."
    >
      {() => (
        <DataTable
          label="Accounts' SaaS inventory"
          columns={columns}
          rows={rows}
          rowId={(s) => s.accountId}
          height={480}
        />
      )}
    </QueryState>
  );
}
