import { Group, Switch, TextInput } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { CsvLink } from '../../ui/csv-link';
import { QueryState } from '../../ui/query-state';
import type { AccountRef, useAccountCommands } from './account-commands';
import { matchesAccount, useAccountMappings } from './account-queries';
import { AccountsTable } from './accounts-table';
import { ExcludeDialog } from './exclude-dialog';
import { GuessesTable } from './guesses-table';
import { Panel } from './panel';

// The Duo accounts (right of the Accounts tab): filters, the closest-guesses view, and the exclude dialog.
export function AccountsPanel({ commands }: { commands: ReturnType<typeof useAccountCommands> }) {
  // A link may name the account to look for; the box is the user's from then on.
  const { account } = useSearch({ from: '/mapping' });
  const [search, setSearch] = useState(account ?? '');
  const [unmappedOnly, setUnmappedOnly] = useState(false);
  const [guesses, setGuesses] = useState(false);
  const [excluding, setExcluding] = useState<AccountRef | null>(null);
  // Guesses exist only for unmapped accounts, so that view always lists those.
  const state = unmappedOnly || guesses ? 'unmapped' : undefined;
  const list = useAccountMappings(state);
  const rows = useMemo(() => list.rows.filter(matchesAccount(search)), [list.rows, search]);
  const { fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const paging = { hasMore: list.hasNextPage, loadingMore: list.isFetchingNextPage, loadMore };
  const onExclude = useCallback((account: AccountRef) => setExcluding(account), []);
  const { mutate: map } = commands.map;
  const onAccept = useCallback((change: Parameters<typeof map>[0]) => map(change), [map]);

  return (
    <Panel
      title="Duo accounts"
      actions={<CsvLink path="/api/v1/mappings/accounts" params={{ state }} label="Duo account mappings" />}
    >
      <TextInput
        label="Search Duo accounts"
        description="Filters the accounts loaded so far"
        placeholder="Account or company name"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <Group gap="lg">
        <Switch
          label="Unmapped only"
          checked={unmappedOnly || guesses}
          disabled={guesses}
          onChange={(e) => setUnmappedOnly(e.currentTarget.checked)}
        />
        <Switch label="Show closest guesses" checked={guesses} onChange={(e) => setGuesses(e.currentTarget.checked)} />
      </Group>
      <QueryState
        query={list}
        label="Duo accounts"
        isEmpty={rows.length === 0 && !list.hasNextPage}
        empty={emptyText(search, state)}
      >
        {() =>
          guesses ? (
            <GuessesTable rows={rows} onAccept={onAccept} {...paging} />
          ) : (
            <AccountsTable rows={rows} commands={commands} onExclude={onExclude} {...paging} />
          )
        }
      </QueryState>
      <ExcludeDialog
        subject={excluding?.accountName ?? null}
        pending={commands.exclude.isPending}
        onCancel={() => setExcluding(null)}
        onConfirm={(note) => {
          if (excluding) commands.exclude.mutate({ ...excluding, note }, { onSuccess: () => setExcluding(null) });
        }}
      />
    </Panel>
  );
}

function emptyText(search: string, state: 'unmapped' | undefined): string {
  if (search.trim() !== '') return `No loaded Duo account matches “${search.trim()}”.`;
  if (state === 'unmapped') return 'Every Duo account is mapped or excluded.';
  return 'No Duo accounts yet: add a Duo integration first.';
}
