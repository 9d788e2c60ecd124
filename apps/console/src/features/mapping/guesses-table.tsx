import { Badge, Button, Text } from '@mantine/core';
import { useMemo } from 'react';
import { AdminOnly } from '../../session/admin-only';
import { useCanChange } from '../../session/session';
import { type Column, DataTable } from '../../ui/data-table';
import type { MapAccount } from './account-commands';
import type { AccountMapping, AccountSuggestion } from './mapping-types';
import { LIST_HEIGHT } from './panel';

interface Guess {
  key: string;
  account: AccountMapping;
  suggestion: AccountSuggestion;
}

interface Props {
  rows: readonly AccountMapping[];
  onAccept: (change: MapAccount) => void;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

// "Show closest guesses": one row per suggested PSA company of each unmapped account, best first, each
// accepted with one click.
export function GuessesTable({ rows, onAccept, ...paging }: Props) {
  const canChange = useCanChange();
  const guesses = useMemo(
    () =>
      rows.flatMap((account) =>
        account.suggestions.map((suggestion) => ({
          key: `${account.accountId}:${suggestion.psaCompanyId}`,
          account,
          suggestion,
        })),
      ),
    [rows],
  );
  const columns = useMemo((): Column<Guess>[] => {
    const base: Column<Guess>[] = [
      { key: 'account', header: 'Duo account', render: (g) => g.account.accountName },
      { key: 'guess', header: 'Closest PSA company', render: (g) => g.suggestion.name },
      {
        key: 'score',
        header: 'Match',
        align: 'right',
        render: (g) => <Badge variant="light">{`${Math.round(g.suggestion.score * 100)}%`}</Badge>,
      },
    ];
    const accept: Column<Guess> = {
      key: 'accept',
      header: 'Accept',
      align: 'right',
      render: ({ account, suggestion }) => (
        <AdminOnly>
          <Button
            size="compact-xs"
            aria-label={`Accept ${suggestion.name} for ${account.accountName}`}
            onClick={() =>
              onAccept({
                accountId: account.accountId,
                accountName: account.accountName,
                psaCompanyId: suggestion.psaCompanyId,
                companyName: suggestion.name,
              })
            }
          >
            Accept
          </Button>
        </AdminOnly>
      ),
    };
    return canChange ? [...base, accept] : base;
  }, [canChange, onAccept]);
  if (guesses.length === 0 && !paging.hasMore) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        No guesses: none of the unmapped accounts resembles an unmapped PSA company by name.
      </Text>
    );
  }
  return (
    <DataTable
      label="Closest guesses"
      columns={columns}
      rows={guesses}
      rowId={(g) => g.key}
      height={LIST_HEIGHT}
      {...paging}
    />
  );
}
