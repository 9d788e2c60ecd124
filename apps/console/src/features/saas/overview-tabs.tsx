import { Tabs } from '@mantine/core';
import { AccountsSummaryTable } from './account-summary';
import { GroupsTab } from './groups-tab';
import { OVERVIEW_TABS, type OverviewTab, type SaasSearch, searchView, type SetSaasSearch } from './saas-search';
import { SeatsOverview } from './seats-overview';

interface Props {
  search: SaasSearch;
  setSearch: SetSaasSearch;
  onChoose: (accountId: string) => void;
}

// Before an account is chosen: every account's inventory, services across customers, and unused seats. The
// open tab is in the URL (a link or Back returns to it); only the open tab is mounted, so only its list loads.
export function OverviewTabs({ search, setSearch, onChoose }: Props) {
  return (
    <Tabs
      value={search.view ?? 'accounts'}
      onChange={(next) => setSearch({ view: searchView(next) })}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        {(Object.keys(OVERVIEW_TABS) as OverviewTab[]).map((value) => (
          <Tabs.Tab key={value} value={value}>
            {OVERVIEW_TABS[value]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="accounts">
        <AccountsSummaryTable onChoose={onChoose} />
      </Tabs.Panel>
      <Tabs.Panel value="groups">
        <GroupsTab search={search} setSearch={setSearch} />
      </Tabs.Panel>
      <Tabs.Panel value="seats">
        <SeatsOverview />
      </Tabs.Panel>
    </Tabs>
  );
}
