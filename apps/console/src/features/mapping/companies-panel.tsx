import { Badge, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { AdminOnly } from '../../session/admin-only';
import { useCanChange } from '../../session/session';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { QueryState } from '../../ui/query-state';
import { usePsaCompanies } from './account-queries';
import { DragHandle } from './mapping-dnd';
import type { PsaCompany } from './mapping-types';
import { LIST_HEIGHT, Panel } from './panel';

function columns(canChange: boolean): Column<PsaCompany>[] {
  const drag: Column<PsaCompany> = {
    key: 'drag',
    header: 'Drag',
    width: 56,
    // A company already mapped to an account cannot be mapped to a second one.
    render: (c) =>
      c.mappedAccountId === null ? (
        <AdminOnly>
          <DragHandle item={{ id: c.id, label: c.name }} />
        </AdminOnly>
      ) : null,
  };
  return [
    ...(canChange ? [drag] : []),
    { key: 'name', header: 'Company', render: (c) => c.name },
    { key: 'identifier', header: 'Identifier', render: (c) => c.identifier ?? '—' },
    {
      key: 'mapped',
      header: 'Mapped',
      render: (c) =>
        c.mappedAccountId === null ? null : (
          <Badge color="green" variant="light">
            mapped
          </Badge>
        ),
    },
  ];
}

// The PSA companies (left of the Accounts tab): searched by name on the server, dragged onto Duo accounts.
export function CompaniesPanel() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = usePsaCompanies(q);
  const canChange = useCanChange();
  const cols = useMemo(() => columns(canChange), [canChange]);
  return (
    <Panel
      title="PSA companies"
      actions={<CsvLink path="/api/v1/psa/companies" params={{ q }} label="PSA companies" />}
    >
      <TextInput
        label="Search PSA companies"
        placeholder="Company name"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <QueryState
        query={list}
        label="PSA companies"
        isEmpty={list.rows.length === 0}
        empty={q === '' ? 'No PSA companies yet: import them from a PSA connection.' : `No PSA company matches “${q}”.`}
      >
        {() => (
          <DataTable
            label="PSA companies"
            columns={cols}
            rows={list.rows}
            rowId={(c) => c.id}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
            height={LIST_HEIGHT}
          />
        )}
      </QueryState>
    </Panel>
  );
}
