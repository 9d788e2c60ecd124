import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { PageHeader } from '../../shell/page-header';
import { useAccountName } from '../../ui/account-select';
import { formatDateTime, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { AnchorLink } from '../../ui/anchor-link';
import { UserStatusBadge } from './saas-badges';
import { type DuoUser, useUser } from './saas-queries';
import { UserServicesTable } from './user-services-table';

const route = getRouteApi('/saas/users/$userId');

export function UserPage() {
  const { userId } = route.useParams();
  const user = useUser(userId);
  return (
    <QueryState query={user} label="the user">
      {() => user.data && <UserView user={user.data} />}
    </QueryState>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <div>{children}</div>
      </Stack>
    </Card>
  );
}

function UserView({ user }: { user: DuoUser }) {
  const accountName = useAccountName();
  const enrolled = user.enrolled === null ? '—' : user.enrolled ? 'Yes' : 'No';
  return (
    <>
      <AnchorLink to="/saas" search={{ accountId: user.accountId, tab: 'users' }} size="sm">
        ← Users of {accountName(user.accountId)}
      </AnchorLink>
      <PageHeader title={user.username} description={[user.realName, user.email].filter(Boolean).join(' · ')} />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="md">
        <Fact label="Duo status">
          <UserStatusBadge status={user.status} removed={user.removed} />
          {user.removedAt && (
            <Text size="xs" c="dimmed">
              removed {formatDateTime(user.removedAt)}
            </Text>
          )}
        </Fact>
        <Fact label="Enrolled">{enrolled}</Fact>
        <Fact label="Services used">
          <Text fw={600}>{formatNumber(user.serviceCount)}</Text>
        </Fact>
        <Fact label="Sign-ins">
          <Text fw={600}>{formatNumber(user.authCount)}</Text>
        </Fact>
        <Fact label="First seen">{formatDateTime(user.firstSeen)}</Fact>
        <Fact label="Last seen">{formatDateTime(user.lastSeen)}</Fact>
        <Fact label="Last Duo login">{formatDateTime(user.lastLogin)}</Fact>
        <Fact label="Groups">{user.groups.length === 0 ? '—' : user.groups.join(', ')}</Fact>
      </SimpleGrid>
      <Group justify="space-between" mb="xs">
        <Title order={3}>Services used</Title>
      </Group>
      <UserServicesTable userId={user.id} />
    </>
  );
}
