import { Group, NumberInput, Select, SimpleGrid, Switch } from '@mantine/core';
import { AccountSelect } from '../../ui/account-select';
import { useDebouncedDraft } from '../../ui/use-debounced-draft';
import { type ReconciliationSearch, searchMinDelta } from './reconciliation-search';
import { keysOf, SKU_LABELS, STATE_LABELS, TYPE_LABELS } from './row-labels';

function options<K extends string>(labels: Record<K, string>) {
  return keysOf(labels).map((value) => ({ value, label: labels[value] }));
}

const TYPE_OPTIONS = options(TYPE_LABELS);
const STATE_OPTIONS = options(STATE_LABELS);
const SKU_OPTIONS = options(SKU_LABELS);

export type FilterPatch = Partial<
  Pick<ReconciliationSearch, 'type' | 'state' | 'accountId' | 'sku' | 'minDelta' | 'showMuted'>
>;

interface Props {
  search: ReconciliationSearch;
  onChange: (patch: FilterPatch) => void;
}

// The list's filters; each change goes to the address (the caller navigates), which refetches the list.
export function ReconciliationFilters({ search, onChange }: Props) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 6 }} spacing="sm" mb="md">
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
      <MinDeltaInput value={search.minDelta} onChange={(minDelta) => onChange({ minDelta })} />
      <Group align="flex-end" pb={6}>
        <Switch
          label="Show muted"
          checked={search.showMuted === true}
          onChange={(e) => onChange({ showMuted: e.currentTarget.checked ? true : undefined })}
        />
      </Group>
    </SimpleGrid>
  );
}

// Typed digits show at once; the address (hence the list) follows once typing pauses.
function MinDeltaInput({ value, onChange }: { value: number | undefined; onChange: (n: number | undefined) => void }) {
  const [draft, setDraft] = useDebouncedDraft(value?.toString(), (text) => onChange(searchMinDelta(text)));
  return (
    <NumberInput
      label="Minimum delta"
      placeholder="Any (seats either way)"
      min={1}
      max={1_000_000}
      allowDecimal={false}
      allowNegative={false}
      value={draft}
      onChange={(next) => setDraft(String(next))}
    />
  );
}
