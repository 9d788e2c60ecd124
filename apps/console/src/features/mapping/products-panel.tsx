import { Badge, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { AdminOnly } from '../../session/admin-only';
import { useCanChange } from '../../session/session';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { QueryState } from '../../ui/query-state';
import { DragHandle } from './mapping-dnd';
import type { PsaProduct } from './mapping-types';
import { LIST_HEIGHT, Panel } from './panel';
import { useProductSearch } from './service-queries';

function columns(canChange: boolean): Column<PsaProduct>[] {
  const drag: Column<PsaProduct> = {
    key: 'drag',
    header: 'Drag',
    width: 56,
    // A product already mapped to a SKU cannot be mapped to a second one.
    render: (p) =>
      p.mappedSku === null ? (
        <AdminOnly>
          <DragHandle item={{ id: p.id, label: p.name }} />
        </AdminOnly>
      ) : null,
  };
  return [
    ...(canChange ? [drag] : []),
    { key: 'name', header: 'Product', render: (p) => p.name },
    { key: 'identifier', header: 'Identifier', render: (p) => p.identifier ?? '—' },
    {
      key: 'mapped',
      header: 'Mapped to',
      render: (p) =>
        p.mappedSku === null ? null : (
          <Badge color="green" variant="light">
            {p.mappedSku}
          </Badge>
        ),
    },
  ];
}

// The PSA products (left of the Services tab), found by name or product identifier.
export function ProductsPanel() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useProductSearch(q);
  const canChange = useCanChange();
  const cols = useMemo(() => columns(canChange), [canChange]);
  return (
    <Panel title="PSA products" actions={<CsvLink path="/api/v1/psa/products" params={{ q }} label="PSA products" />}>
      <TextInput
        label="Search PSA products"
        description="Search by name or product ID"
        placeholder="Name or product ID"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <QueryState
        query={list}
        label="PSA products"
        isEmpty={list.rows.length === 0 && !list.hasNextPage}
        empty={q === '' ? 'No PSA products yet: import them from a PSA connection.' : `No PSA product matches “${q}”.`}
      >
        {() => (
          <DataTable
            label="PSA products"
            columns={cols}
            rows={list.rows}
            rowId={(p) => p.id}
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
