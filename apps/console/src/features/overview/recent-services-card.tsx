import { Group, List, Text } from '@mantine/core';
import { formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { OverviewCard } from './overview-card';
import { type Account, useDiscoverySummary } from './overview-queries';

const SHOWN = 6;

// SaaS services seen for the first time this week, per account (the services list itself is per account).
export function RecentServicesCard({ accounts }: { accounts: readonly Account[] }) {
  const summary = useDiscoverySummary();
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const fresh = (summary.data ?? []).filter((s) => s.newThisWeek > 0).sort((a, b) => b.newThisWeek - a.newThisWeek);
  const total = fresh.reduce((sum, s) => sum + s.newThisWeek, 0);
  return (
    <OverviewCard title="Services discovered this week" to="/saas" linkLabel="Explore SaaS">
      <QueryState
        query={summary}
        label="discovered services"
        isEmpty={fresh.length === 0}
        empty="No new service this week."
      >
        {() => (
          <>
            <Text size="sm" mb={6}>
              {formatNumber(total)} new {total === 1 ? 'service' : 'services'} in {fresh.length}{' '}
              {fresh.length === 1 ? 'account' : 'accounts'}
            </Text>
            <List listStyleType="none" spacing={4} aria-label="New services by account">
              {fresh.slice(0, SHOWN).map((s) => (
                <List.Item key={s.accountId}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" truncate>
                      {names.get(s.accountId) ?? s.accountId}
                    </Text>
                    <Text size="sm" fw={600}>
                      +{formatNumber(s.newThisWeek)}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </QueryState>
    </OverviewCard>
  );
}
