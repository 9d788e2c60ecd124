import { Autocomplete, Group, TextInput } from '@mantine/core';
import { AccountSelect } from '../../ui/account-select';
import { useDebouncedDraft } from '../../ui/use-debounced-draft';
import { type AuditSearch, KNOWN_ACTIONS } from './audit-search';

export function AuditFilters({ search, onChange }: { search: AuditSearch; onChange: (next: AuditSearch) => void }) {
  const [action, setAction] = useDebouncedDraft(search.action, (value) => onChange({ ...search, action: value }));
  const [target, setTarget] = useDebouncedDraft(search.targetId, (value) => onChange({ ...search, targetId: value }));
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <AccountSelect
        label="Account"
        placeholder="All accounts"
        clearable
        value={search.accountId}
        onChange={(accountId) => onChange({ ...search, accountId })}
      />
      <Autocomplete
        label="Action"
        placeholder="Any action"
        data={KNOWN_ACTIONS}
        value={action}
        onChange={setAction}
        clearable
        miw={220}
      />
      <TextInput
        label="Target id"
        placeholder="Row, mapping or connection id"
        value={target}
        onChange={(e) => setTarget(e.currentTarget.value)}
        miw={240}
      />
    </Group>
  );
}
