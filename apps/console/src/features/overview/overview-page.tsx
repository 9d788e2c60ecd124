import { SimpleGrid, Stack } from '@mantine/core';
import { PageHeader } from '../../shell/page-header';
import { ActivityChartCard } from './activity-chart-card';
import { DiscrepanciesCard } from './discrepancies-card';
import { useAllAccounts, useAllIntegrations } from './overview-queries';
import { RecentServicesCard } from './recent-services-card';
import { SeatsChartCard } from './seats-chart-card';
import { AccountsCountCard, BillableSeatsCard } from './seat-totals-cards';
import { SyncHealthCard } from './sync-health-card';

export function OverviewPage() {
  const accounts = useAllAccounts();
  const integrations = useAllIntegrations();
  const accountList = accounts.data ?? [];
  return (
    <>
      <PageHeader title="Overview" description="Seats, discrepancies and sync health across every Duo account." />
      {/* The rows keep their height while their data loads: the page does not jump, and the charts stay below
          the fold of a 1280×800 window, so their chart library loads when they are scrolled to (WhenVisible). */}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} mih={200}>
          <AccountsCountCard accounts={accounts} />
          <BillableSeatsCard accounts={accounts} />
          <DiscrepanciesCard />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} mih={380}>
          <SyncHealthCard integrations={integrations} accounts={accounts} />
          <RecentServicesCard accounts={accountList} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SeatsChartCard accounts={accountList} />
          <ActivityChartCard />
        </SimpleGrid>
      </Stack>
    </>
  );
}
