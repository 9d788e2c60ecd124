import { Text } from '@mantine/core';
import { formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { OverviewCard } from './overview-card';
import type { useAllAccounts } from './overview-queries';

type Accounts = ReturnType<typeof useAllAccounts>;

export function AccountsCountCard({ accounts }: { accounts: Accounts }) {
  return (
    <OverviewCard title="Duo accounts" to="/integrations" linkLabel="See integrations">
      <QueryState query={accounts} label="accounts">
        {() => <Figure value={accounts.data?.length ?? 0} note="accounts being polled" />}
      </QueryState>
    </OverviewCard>
  );
}

// What the MSP bills its customers for: the billable seats Duo reports, summed over every current account.
export function BillableSeatsCard({ accounts }: { accounts: Accounts }) {
  const seats = (accounts.data ?? []).reduce((sum, a) => sum + (a.seats ?? 0), 0);
  return (
    <OverviewCard title="Billable seats" to="/reconciliation" linkLabel="Compare with the PSA">
      <QueryState query={accounts} label="seats">
        {() => <Figure value={seats} note="seats across all Duo accounts" />}
      </QueryState>
    </OverviewCard>
  );
}

function Figure({ value, note }: { value: number; note: string }) {
  return (
    <>
      <Text fz={32} fw={700} lh={1.1}>
        {formatNumber(value)}
      </Text>
      <Text size="sm" c="dimmed">
        {note}
      </Text>
    </>
  );
}
