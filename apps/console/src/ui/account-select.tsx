import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from '../api/api-context';
import { unwrap } from '../api/client';
import { errorMessage } from '../api/problem';
import { queryKeys } from '../api/query-keys';
import type { ItemOf } from '../api/types';

export type Account = ItemOf<'/api/v1/accounts'>;

// A picker needs every account, not a page of them: follow the cursors, bounded so a runaway list cannot
// hang the page (200 × 25 = 5,000 accounts, far beyond one MSP's).
const PAGE_SIZE = '200';
const MAX_PAGES = 25;

export function useAllAccounts() {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.accounts, 'all'],
    queryFn: async (): Promise<Account[]> => {
      const accounts: Account[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const query = cursor === undefined ? { limit: PAGE_SIZE } : { limit: PAGE_SIZE, cursor };
        const answer = await unwrap(api.GET('/api/v1/accounts', { params: { query } }));
        accounts.push(...answer.items);
        if (answer.nextCursor === null) break;
        cursor = answer.nextCursor;
      }
      return accounts;
    },
  });
}

// Account ids to names, for tables that carry only the id; an unknown id shows as itself.
export function useAccountName(): (accountId: string | null) => string {
  const accounts = useAllAccounts().data;
  const names = useMemo(() => new Map(accounts?.map((a) => [a.id, a.name])), [accounts]);
  return (accountId) => (accountId === null ? '—' : (names.get(accountId) ?? accountId));
}

interface Props {
  value: string | undefined;
  onChange: (accountId: string | undefined) => void;
  label?: string;
  placeholder?: string;
  clearable?: boolean;
}

export function AccountSelect({ value, onChange, label = 'Duo account', placeholder, clearable = false }: Props) {
  const accounts = useAllAccounts();
  const data = useMemo(
    () => accounts.data?.map((a) => ({ value: a.id, label: a.removed ? `${a.name} (removed)` : a.name })) ?? [],
    [accounts.data],
  );
  return (
    <Select
      label={label}
      placeholder={accounts.isPending ? 'Loading accounts…' : (placeholder ?? 'Choose an account')}
      data={data}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      searchable
      clearable={clearable}
      allowDeselect={clearable}
      nothingFoundMessage="No matching account"
      error={accounts.isError ? `Could not load accounts: ${errorMessage(accounts.error)}` : undefined}
      miw={240}
    />
  );
}
