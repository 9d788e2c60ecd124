import { Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useCanChange } from '../../session/session';
import { CsvLink } from '../../ui/csv-link';
import { type Column, DataTable } from '../../ui/data-table';
import { QueryState } from '../../ui/query-state';
import { ExcludeDialog } from './exclude-dialog';
import { DropTarget } from './mapping-dnd';
import type { ServiceMapping, Sku } from './mapping-types';
import { LIST_HEIGHT, Panel } from './panel';
import { ServiceActions } from './service-actions';
import type { useServiceCommands } from './service-commands';
import { useServiceMappings } from './service-queries';
import { StateBadge } from './state-badge';

// The Duo SKUs (right of the Services tab); each one not yet mapped is a drop target for a PSA product.
export function ServicesPanel({ commands }: { commands: ReturnType<typeof useServiceCommands> }) {
  const list = useServiceMappings();
  const canChange = useCanChange();
  const [excluding, setExcluding] = useState<Sku | null>(null);
  const columns = useMemo((): Column<ServiceMapping>[] => {
    const base: Column<ServiceMapping>[] = [
      {
        key: 'sku',
        header: 'Duo SKU',
        render: (s) => (
          <DropTarget item={{ id: s.sku, label: s.sku }} disabled={!canChange || s.state === 'mapped'}>
            <Text size="sm" fw={500}>
              {s.sku}
            </Text>
          </DropTarget>
        ),
      },
      { key: 'editions', header: 'Editions', render: (s) => (s.editions.length > 0 ? s.editions.join(', ') : '—') },
      { key: 'state', header: 'State', render: (s) => <StateBadge state={s.state} /> },
      { key: 'product', header: 'PSA product', render: (s) => s.productName ?? '—' },
    ];
    const actions: Column<ServiceMapping> = {
      key: 'actions',
      header: 'Actions',
      align: 'right',
      render: (s) => <ServiceActions service={s} commands={commands} onExclude={() => setExcluding(s.sku)} />,
    };
    return canChange ? [...base, actions] : base;
  }, [canChange, commands]);

  return (
    <Panel title="Duo services" actions={<CsvLink path="/api/v1/mappings/services" label="Duo service mappings" />}>
      <QueryState
        query={list}
        label="Duo services"
        isEmpty={list.rows.length === 0}
        empty="No Duo SKUs yet: they appear once a Duo integration has synced its accounts."
      >
        {() => (
          <DataTable
            label="Duo services"
            columns={columns}
            rows={list.rows}
            rowId={(s) => s.sku}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage()}
            height={LIST_HEIGHT}
          />
        )}
      </QueryState>
      <ExcludeDialog
        subject={excluding}
        pending={commands.exclude.isPending}
        onCancel={() => setExcluding(null)}
        onConfirm={(note) => {
          if (excluding) commands.exclude.mutate({ sku: excluding, note }, { onSuccess: () => setExcluding(null) });
        }}
      />
    </Panel>
  );
}
