import { Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useCanChange } from '../../session/session';
import { type Column, DataTable } from '../../ui/data-table';
import { AccountActions } from './account-actions';
import { AgreementButton } from './account-agreement';
import type { AccountRef, useAccountCommands } from './account-commands';
import { DropTarget } from './mapping-dnd';
import type { AccountMapping } from './mapping-types';
import { LIST_HEIGHT } from './panel';
import { StateBadge } from './state-badge';

interface Props {
  rows: readonly AccountMapping[];
  commands: ReturnType<typeof useAccountCommands>;
  onExclude: (account: AccountRef) => void;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

// Duo accounts with their mapping; each one not yet mapped is a drop target for a PSA company. Four columns,
// so the table still fits half of a 1280-wide window beside the PSA companies.
export function AccountsTable({ rows, commands, onExclude, ...paging }: Props) {
  const canChange = useCanChange();
  const columns = useMemo((): Column<AccountMapping>[] => {
    const base: Column<AccountMapping>[] = [
      {
        key: 'account',
        header: 'Duo account',
        render: (a) => (
          <DropTarget item={{ id: a.accountId, label: a.accountName }} disabled={!canChange || a.state === 'mapped'}>
            <Text size="sm" fw={500} truncate>
              {a.accountName}
            </Text>
          </DropTarget>
        ),
      },
      { key: 'state', header: 'State', render: (a) => <StateBadge state={a.state} auto={a.source === 'auto'} /> },
      {
        key: 'company',
        header: 'PSA company',
        // A mapped account also shows (and, for admins, changes) the agreement its new lines go on. One line,
        // as the virtualised rows have a fixed height.
        render: (a) =>
          a.state === 'mapped' ? (
            <Group gap={4} wrap="nowrap" justify="space-between">
              <Text size="sm" truncate>
                {a.psaCompanyName ?? '—'}
              </Text>
              <AgreementButton account={a} command={commands.agreement} />
            </Group>
          ) : (
            (a.psaCompanyName ?? '—')
          ),
      },
    ];
    const actions: Column<AccountMapping> = {
      key: 'actions',
      header: 'Actions',
      align: 'right',
      render: (a) => (
        <AccountActions
          account={a}
          commands={commands}
          onExclude={() => onExclude({ accountId: a.accountId, accountName: a.accountName })}
        />
      ),
    };
    return canChange ? [...base, actions] : base;
  }, [canChange, commands, onExclude]);
  return (
    <DataTable
      label="Duo accounts"
      columns={columns}
      rows={rows}
      rowId={(a) => a.accountId}
      height={LIST_HEIGHT}
      {...paging}
    />
  );
}
