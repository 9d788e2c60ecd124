import { Tabs } from '@mantine/core';
import { AccountSummaryLine } from './account-summary';
import { ActionsTab } from './actions-tab';
import { SAAS_TABS, type SaasSearch, type SaasTab, searchTab, type SetSaasSearch } from './saas-search';
import { SeatsTab } from './seats-tab';
import { ServicesTab } from './services-tab';
import { UsersTab } from './users-tab';

interface Props {
  accountId: string;
  search: SaasSearch;
  setSearch: SetSaasSearch;
}

// One account's services, users, unused seats and action log; only the open tab is mounted, so only its list is fetched.
export function AccountInventory({ accountId, search, setSearch }: Props) {
  const tab = search.tab ?? 'services';
  return (
    <>
      <AccountSummaryLine accountId={accountId} />
      <Tabs value={tab} onChange={(next) => setSearch({ tab: searchTab(next) })} keepMounted={false}>
        <Tabs.List mb="md">
          {(Object.keys(SAAS_TABS) as SaasTab[]).map((value) => (
            <Tabs.Tab key={value} value={value}>
              {SAAS_TABS[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="services">
          <ServicesTab accountId={accountId} search={search} setSearch={setSearch} />
        </Tabs.Panel>
        <Tabs.Panel value="users">
          <UsersTab accountId={accountId} search={search} setSearch={setSearch} />
        </Tabs.Panel>
        <Tabs.Panel value="seats">
          <SeatsTab accountId={accountId} search={search} setSearch={setSearch} />
        </Tabs.Panel>
        <Tabs.Panel value="actions">
          <ActionsTab accountId={accountId} search={search} setSearch={setSearch} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
