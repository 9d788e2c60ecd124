import { Tabs } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { PageHeader } from '../../shell/page-header';
import { AccountsTab } from './accounts-tab';
import type { MappingTab } from './mapping-search';
import { ReadinessAlert } from './readiness-alert';
import { ServicesTab } from './services-tab';

export function MappingPage() {
  const { tab = 'accounts' } = useSearch({ from: '/mapping' });
  const navigate = useNavigate();
  const select = (value: string | null) => {
    const next: MappingTab = value === 'services' ? 'services' : 'accounts';
    void navigate({ to: '/mapping', search: next === 'services' ? { tab: next } : {} });
  };
  return (
    <>
      <PageHeader
        title="Mapping"
        description="Pair Duo accounts with PSA companies and Duo SKUs with PSA products: reconciliation compares only what is mapped."
      />
      <ReadinessAlert />
      {/* Only the open tab is mounted, so only its lists are fetched. */}
      <Tabs value={tab} onChange={select} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="accounts">Accounts</Tabs.Tab>
          <Tabs.Tab value="services">Services</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="accounts" pt="md">
          <AccountsTab />
        </Tabs.Panel>
        <Tabs.Panel value="services" pt="md">
          <ServicesTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
