import { Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '../../shell/page-header';
import { useAccountName } from '../../ui/account-select';
import { AnchorLink } from '../../ui/anchor-link';
import { type Column, DataTable } from '../../ui/data-table';
import { formatDateTime, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { FactLine } from './fact-line';
import { GroupMatch } from './group-match';
import { type GroupAccount, type ServiceGroupDetail, useServiceGroup } from './groups-queries';

const route = getRouteApi('/saas/groups/$groupId');

export function GroupPage() {
  const { groupId } = route.useParams();
  const group = useServiceGroup(groupId);
  return (
    <QueryState query={group} label="the service across customers">
      {() => group.data && <GroupView group={group.data} />}
    </QueryState>
  );
}

// The account opens its own service page; an account may hold the product under several application keys
// (so several services), and the first is the way in, the others being one click from the account's list.
function AccountCell({ account, name }: { account: GroupAccount; name: string }) {
  const [serviceId] = account.serviceIds;
  if (serviceId === undefined) return <Text size="sm">{name}</Text>;
  return (
    <AnchorLink to="/saas/services/$serviceId" params={{ serviceId }} size="sm">
      {name}
    </AnchorLink>
  );
}

function GroupView({ group }: { group: ServiceGroupDetail }) {
  const accountName = useAccountName();
  const columns: Column<GroupAccount>[] = [
    {
      key: 'account',
      header: 'Account',
      render: (a) => <AccountCell account={a} name={accountName(a.accountId)} />,
    },
    { key: 'users', header: 'Users', align: 'right', render: (a) => formatNumber(a.users) },
    { key: 'services', header: 'Services', align: 'right', render: (a) => formatNumber(a.serviceIds.length) },
    { key: 'firstSeen', header: 'First seen', render: (a) => formatDateTime(a.firstSeen) },
    { key: 'lastSeen', header: 'Last seen', render: (a) => formatDateTime(a.lastSeen) },
  ];
  return (
    <>
      <AnchorLink to="/saas" search={{ view: 'groups' }} size="sm">
        ← Services across customers
      </AnchorLink>
      <PageHeader title={group.name} description="One service as every customer account uses it." />
      <GroupMatch group={group} />
      <FactLine
        label="Service across customers"
        facts={[
          ['Customers', formatNumber(group.customers)],
          ['Users', formatNumber(group.users)],
          ['Services', formatNumber(group.services)],
          ['First seen', formatDateTime(group.firstSeen)],
          ['Last seen', formatDateTime(group.lastSeen)],
        ]}
      />
      {group.accounts.length === 0 ? (
        <Text c="dimmed" py="lg" ta="center">
          No account uses this service any more.
        </Text>
      ) : (
        <DataTable
          label="Accounts using the service"
          columns={columns}
          rows={group.accounts}
          rowId={(a) => a.accountId}
          height={480}
        />
      )}
    </>
  );
}
