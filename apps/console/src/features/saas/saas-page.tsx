import { Group } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '../../shell/page-header';
import { AccountSelect } from '../../ui/account-select';
import { AccountInventory } from './account-inventory';
import { OverviewTabs } from './overview-tabs';
import type { SetSaasSearch } from './saas-search';

const route = getRouteApi('/saas');

export function SaasPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // Filter changes replace the history entry (Back does not replay keystrokes); choosing an account is a
  // navigation of its own and starts from that account's unfiltered inventory.
  const setSearch: SetSaasSearch = (patch) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const chooseAccount = (accountId: string | undefined) => void navigate({ search: { accountId } });

  return (
    <>
      <PageHeader
        title="SaaS inventory"
        description="Applications your Duo users sign in to, found in the authentication logs and matched to the SaaS catalog."
      />
      <Group mb="md" align="flex-end">
        <AccountSelect value={search.accountId} onChange={chooseAccount} clearable placeholder="All accounts" />
      </Group>
      {search.accountId === undefined ? (
        <OverviewTabs search={search} setSearch={setSearch} onChoose={chooseAccount} />
      ) : (
        <AccountInventory accountId={search.accountId} search={search} setSearch={setSearch} />
      )}
    </>
  );
}
