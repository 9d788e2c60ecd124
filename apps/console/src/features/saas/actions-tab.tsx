import { Group, Select } from '@mantine/core';
import { CsvLink } from '../../ui/csv-link';
import { ActionsTable } from './actions-table';
import { actionsParams } from './saas-queries';
import type { SaasSearch, SetSaasSearch } from './saas-search';

const WHO_OPTIONS = [
  { value: 'true', label: 'Automatic matches' },
  { value: 'false', label: "People's actions" },
];

interface Props {
  accountId: string;
  search: SaasSearch;
  setSearch: SetSaasSearch;
}

export function ActionsTab({ accountId, search, setSearch }: Props) {
  return (
    <>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Select
          label="Made by"
          placeholder="Anyone"
          data={WHO_OPTIONS}
          value={search.automatic === undefined ? null : String(search.automatic)}
          onChange={(value) => setSearch({ automatic: value === null ? undefined : value === 'true' })}
          clearable
          w={200}
        />
        <CsvLink
          path="/api/v1/discovery/actions"
          params={actionsParams(accountId, search.automatic)}
          label="the action log"
        />
      </Group>
      <ActionsTable accountId={accountId} automatic={search.automatic} />
    </>
  );
}
