import { Button, Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useRef } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  sortable?: boolean;
  align?: 'left' | 'right';
  width?: number | string;
}

export interface Sort {
  key: string;
  direction: 'asc' | 'desc';
}

export interface DataTableProps<T> {
  // The table's accessible name.
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowId: (row: T) => string;
  // Names a row for assistive tech ("Select Acme / duo-mfa").
  rowLabel?: (row: T) => string;
  sort?: Sort | null;
  onSortChange?: (sort: Sort) => void;
  selection?: ReadonlySet<string>;
  onSelectionChange?: (next: Set<string>) => void;
  hasMore?: boolean;
  loadingMore?: boolean;
  loadMore?: () => void;
  height?: number;
}

const ROW_HEIGHT = 41;
// Before the browser measured the scroll box (and in tests, where nothing is measured), render as if it
// were this size.
const INITIAL_RECT = { width: 1200, height: 640 };

// A virtualised table: only the rows in view are in the DOM, so 10,000 loaded rows stay responsive; the
// next page is fetched as the end comes into view (or by the Load more button, for keyboard users).
export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, rowId, hasMore = false, loadingMore = false, loadMore } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = props.height ?? 560;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { ...INITIAL_RECT, height },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && loadMore && lastIndex >= rows.length - 20) loadMore();
  }, [hasMore, loadingMore, loadMore, lastIndex, rows.length]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const selectable = props.selection !== undefined && props.onSelectionChange !== undefined;
  const span = columns.length + (selectable ? 1 : 0);

  return (
    <div>
      <div
        ref={scrollRef}
        style={{ maxHeight: height, overflow: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label={`${props.label}, scrollable`}
      >
        <Table stickyHeader highlightOnHover aria-label={props.label} aria-rowcount={rows.length + 1}>
          <Table.Thead>
            <Table.Tr>
              {selectable && (
                <Table.Th w={40}>
                  <SelectAll {...props} />
                </Table.Th>
              )}
              {columns.map((column) => (
                <HeaderCell key={column.key} column={column} sort={props.sort} onSortChange={props.onSortChange} />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && <Spacer height={paddingTop} span={span} />}
            {items.map((item) => {
              const row = rows[item.index] as T;
              const id = rowId(row);
              return (
                <Table.Tr key={id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  {selectable && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select ${props.rowLabel?.(row) ?? id}`}
                        checked={props.selection?.has(id) ?? false}
                        onChange={(e) => toggle(props, id, e.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                  {columns.map((column) => (
                    <Table.Td key={column.key} ta={column.align ?? 'left'}>
                      {column.render(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && <Spacer height={paddingBottom} span={span} />}
          </Table.Tbody>
        </Table>
      </div>
      <Group justify="space-between" mt="xs">
        <Text size="sm" c="dimmed" role="status">
          {rows.length} {rows.length === 1 ? 'row' : 'rows'}
          {hasMore ? ' loaded, more available' : ''}
        </Text>
        {hasMore && loadMore && (
          <Button variant="subtle" size="xs" onClick={loadMore} loading={loadingMore}>
            Load more
          </Button>
        )}
      </Group>
    </div>
  );
}

function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={span} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

function HeaderCell<T>(props: { column: Column<T>; sort?: Sort | null; onSortChange?: (sort: Sort) => void }) {
  const { column, sort, onSortChange } = props;
  const active = sort?.key === column.key ? sort.direction : null;
  const ariaSort = active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined;
  if (!column.sortable || !onSortChange) {
    return (
      <Table.Th w={column.width} ta={column.align ?? 'left'}>
        {column.header}
      </Table.Th>
    );
  }
  const next: Sort = { key: column.key, direction: active === 'asc' ? 'desc' : 'asc' };
  return (
    <Table.Th w={column.width} ta={column.align ?? 'left'} aria-sort={ariaSort}>
      <UnstyledButton onClick={() => onSortChange(next)} fw={600} fz="sm">
        {column.header}
        {active === 'asc' ? ' ▲' : active === 'desc' ? ' ▼' : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

function SelectAll<T>(props: DataTableProps<T>) {
  const ids = props.rows.map(props.rowId);
  const selected = ids.filter((id) => props.selection?.has(id)).length;
  return (
    <Checkbox
      aria-label="Select all loaded rows"
      checked={ids.length > 0 && selected === ids.length}
      indeterminate={selected > 0 && selected < ids.length}
      onChange={(e) => props.onSelectionChange?.(e.currentTarget.checked ? new Set(ids) : new Set())}
    />
  );
}

function toggle<T>(props: DataTableProps<T>, id: string, on: boolean): void {
  const next = new Set(props.selection);
  if (on) next.add(id);
  else next.delete(id);
  props.onSelectionChange?.(next);
}
