import { useAccountName } from '../../ui/account-select';
import { type Column, DataTable } from '../../ui/data-table';
import { formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { AnchorLink } from '../../ui/anchor-link';
import { FactLine } from './fact-line';
import { type AccountSeats, useSeats } from './seats-queries';

// Every account's unused seats; each account opens its own list of reclaimable seats.
export function SeatsOverview() {
  const seats = useSeats(undefined);
  const accountName = useAccountName();
  const rows = seats.data?.items ?? [];
  const columns: Column<AccountSeats>[] = [
    {
      key: 'account',
      header: 'Account',
      render: (s) => (
        <AnchorLink to="/saas" search={{ accountId: s.accountId, tab: 'seats' }} size="sm">
          {accountName(s.accountId)}
        </AnchorLink>
      ),
    },
    { key: 'billable', header: 'Billable', align: 'right', render: (s) => formatNumber(s.billableUsers) },
    { key: 'active30', header: 'Active 30 d', align: 'right', render: (s) => formatNumber(s.activeUsers.days30) },
    { key: 'reclaimable', header: 'Reclaimable', align: 'right', render: (s) => formatNumber(s.reclaimable) },
    { key: 'neverEnrolled', header: 'Never enrolled', align: 'right', render: (s) => formatNumber(s.neverEnrolled) },
    { key: 'deniedOnly', header: 'Denied only', align: 'right', render: (s) => formatNumber(s.deniedOnly) },
    { key: 'inactive', header: 'Inactive', align: 'right', render: (s) => formatNumber(s.inactive) },
    { key: 'days', header: 'Unused after', align: 'right', render: (s) => `${formatNumber(s.unusedAfterDays)} d` },
  ];
  return (
    <QueryState
      query={seats}
      label="unused seats"
      isEmpty={rows.length === 0}
      empty="No seats yet: they are counted once Duo users are synced."
    >
      {() => (
        <>
          {seats.data && (
            <FactLine
              label="Seats in total"
              facts={[
                ['Billable in total', formatNumber(seats.data.total.billableUsers)],
                ['Reclaimable in total', formatNumber(seats.data.total.reclaimable)],
              ]}
            />
          )}
          <DataTable
            label="Unused seats by account"
            columns={columns}
            rows={rows}
            rowId={(s) => s.accountId}
            height={480}
          />
        </>
      )}
    </QueryState>
  );
}
