import { Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '../../shell/page-header';
import { searchEnum } from '../../ui/search-params';
import { AlertsTab } from './alerts-tab';
import { ALERTS_TABS, type AlertsTab as Tab, type SetAlertsSearch } from './alerts-search';
import { ChannelsTab } from './channels-tab';
import { DeliveriesTab } from './deliveries-tab';
import { RulesTab } from './rules-tab';

const route = getRouteApi('/alerts');

export function AlertsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // Filter changes replace the history entry (Back does not replay each choice); a tab is a place of its own
  // in the history. Each tab has its own filter names, so switching keeps the others' filters for coming back.
  const setSearch: SetAlertsSearch = (patch) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const chooseTab = (next: string | null) =>
    void navigate({ search: (prev) => ({ ...prev, tab: searchEnum(ALERTS_TABS, next) }) });

  return (
    <>
      <PageHeader
        title="Alerts"
        description="Rules that watch syncs, seats and sign-ins, the channels they notify, and every notification sent."
      />
      {/* Only the open tab is mounted, so only its list is fetched. */}
      <Tabs value={search.tab ?? 'alerts'} onChange={chooseTab} keepMounted={false}>
        <Tabs.List mb="md">
          {(Object.keys(ALERTS_TABS) as Tab[]).map((value) => (
            <Tabs.Tab key={value} value={value}>
              {ALERTS_TABS[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="alerts">
          <AlertsTab search={search} setSearch={setSearch} />
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <RulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="channels">
          <ChannelsTab />
        </Tabs.Panel>
        <Tabs.Panel value="deliveries">
          <DeliveriesTab search={search} setSearch={setSearch} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
