import { Group, Select, Switch, TextInput } from '@mantine/core';
import { CsvLink } from '../../ui/csv-link';
import { useDebouncedDraft } from '../../ui/use-debounced-draft';
import { servicesParams } from './saas-queries';
import {
  options,
  SEEN_WINDOWS,
  SERVICE_STATUS_LABELS,
  type SaasSearch,
  type SeenWindow,
  type ServiceStatus,
  type SetSaasSearch,
} from './saas-search';

const MATCH_OPTIONS = [
  { value: 'true', label: 'Matched' },
  { value: 'false', label: 'Unmatched' },
];
const SEEN_OPTIONS = (Object.keys(SEEN_WINDOWS) as `${SeenWindow}`[]).map((days) => ({
  value: days,
  label: SEEN_WINDOWS[Number(days) as SeenWindow],
}));

interface Props {
  accountId: string;
  search: SaasSearch;
  setSearch: SetSaasSearch;
}

export function ServiceFilters({ accountId, search, setSearch }: Props) {
  const [q, setQ] = useDebouncedDraft(search.q, (value) => setSearch({ q: value }));
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <TextInput label="Search services" placeholder="Name" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <Select<ServiceStatus>
        label="Status"
        placeholder="Any status"
        data={options(SERVICE_STATUS_LABELS)}
        value={search.status ?? null}
        onChange={(status) => setSearch({ status: status ?? undefined })}
        clearable
        w={150}
      />
      <Select
        label="Catalog match"
        placeholder="Matched or not"
        data={MATCH_OPTIONS}
        value={search.matched === undefined ? null : String(search.matched)}
        onChange={(value) => setSearch({ matched: value === null ? undefined : value === 'true' })}
        clearable
        w={170}
      />
      <Select
        label="Last seen"
        placeholder="Any time"
        data={SEEN_OPTIONS}
        value={search.seenDays === undefined ? null : String(search.seenDays)}
        onChange={(value) => setSearch({ seenDays: value === null ? undefined : (Number(value) as SeenWindow) })}
        clearable
        w={160}
      />
      <Switch
        label="Include merged"
        checked={search.includeMerged ?? false}
        onChange={(e) => setSearch({ includeMerged: e.currentTarget.checked || undefined })}
        mb={8}
      />
      <CsvLink path="/api/v1/services" params={servicesParams(accountId, search)} label="services" />
    </Group>
  );
}
