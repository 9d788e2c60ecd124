import { SimpleGrid, Select } from '@mantine/core';
import { AccountSelect } from '../../ui/account-select';
import type { ReconciliationSearch } from './reconciliation-search';
import { keysOf, SKU_LABELS, STATE_LABELS, TYPE_LABELS } from './row-labels';

function options<K extends string>(labels: Record<K, string>) {
  return keysOf(labels).map((value) => ({ value, label: labels[value] }));
}

const TYPE_OPTIONS = options(TYPE_LABELS);
const STATE_OPTIONS = options(STATE_LABELS);
const SKU_OPTIONS = options(SKU_LABELS);

export type FilterPatch = Partial<Pick<ReconciliationSearch, 'type' | 'state' | 'accountId' | 'sku'>>;

// The list's filters; each change goes to the address (the caller navigates), which refetches the list.
export function ReconciliationFilters({
  search,
  onChange,
}: {
  search: ReconciliationSearch;
  onChange: (patch: FilterPatch) => void;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" mb="md">
      <Select
        label="Type"
        placeholder="All types"
        data={TYPE_OPTIONS}
        value={search.type ?? null}
        onChange={(type) => onChange({ type: type ?? undefined })}
        clearable
      />
      <Select
        label="State"
        placeholder="All states"
        data={STATE_OPTIONS}
        value={search.state ?? null}
        onChange={(state) => onChange({ state: state ?? undefined })}
        clearable
      />
      <AccountSelect
        label="Account"
        placeholder="All accounts"
        value={search.accountId}
        onChange={(accountId) => onChange({ accountId })}
        clearable
      />
      <Select
        label="SKU"
        placeholder="All SKUs"
        data={SKU_OPTIONS}
        value={search.sku ?? null}
        onChange={(sku) => onChange({ sku: sku ?? undefined })}
        clearable
      />
    </SimpleGrid>
  );
}
