import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderWithApp } from '../testing/render';
import { type Column, DataTable, type Sort } from './data-table';

interface Row {
  id: string;
  name: string;
  seats: number;
}

const rows: Row[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, name: `Account ${i}`, seats: i % 50 }));
const columns: Column<Row>[] = [
  { key: 'name', header: 'Account', render: (r) => r.name, sortable: true },
  { key: 'seats', header: 'Seats', render: (r) => r.seats, sortable: true, align: 'right' },
];

function Harness({ onSort, onLoadMore }: { onSort: (s: Sort) => void; onLoadMore: () => void }) {
  const [selection, setSelection] = useState<Set<string>>(new Set());
  return (
    <>
      <DataTable
        label="Accounts"
        columns={columns}
        rows={rows}
        rowId={(r) => r.id}
        rowLabel={(r) => r.name}
        sort={{ key: 'seats', direction: 'desc' }}
        onSortChange={onSort}
        selection={selection}
        onSelectionChange={setSelection}
        hasMore
        loadMore={onLoadMore}
      />
      <output aria-label="selected">{selection.size}</output>
    </>
  );
}

describe('DataTable', () => {
  it('keeps only the rows in view in the DOM when 10,000 are loaded', () => {
    renderWithApp(<Harness onSort={jest.fn()} onLoadMore={jest.fn()} />);
    const table = screen.getByRole('table', { name: 'Accounts' });
    expect(table).toHaveAttribute('aria-rowcount', '10001');
    const rendered = screen.getAllByRole('checkbox', { name: /^Select Account/ });
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(screen.getByText('10000 rows loaded, more available')).toBeInTheDocument();
  });

  it('sorts by a column header, the next direction first, and marks the sorted column', async () => {
    const onSort = jest.fn();
    renderWithApp(<Harness onSort={onSort} onLoadMore={jest.fn()} />);
    expect(screen.getByRole('columnheader', { name: /Seats/ })).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(screen.getByRole('button', { name: /Seats/ }));
    expect(onSort).toHaveBeenCalledWith({ key: 'seats', direction: 'asc' });
    await userEvent.click(screen.getByRole('button', { name: 'Account' }));
    expect(onSort).toHaveBeenLastCalledWith({ key: 'name', direction: 'asc' });
  });

  it('selects single rows and all loaded rows, by keyboard too', async () => {
    renderWithApp(<Harness onSort={jest.fn()} onLoadMore={jest.fn()} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Account 1' }));
    expect(screen.getByLabelText('selected')).toHaveTextContent('1');
    screen.getByRole('checkbox', { name: 'Select all loaded rows' }).focus();
    await userEvent.keyboard(' ');
    expect(screen.getByLabelText('selected')).toHaveTextContent('10000');
  });

  it('asks for the next page by the Load more button', async () => {
    const onLoadMore = jest.fn();
    renderWithApp(<Harness onSort={jest.fn()} onLoadMore={onLoadMore} />);
    onLoadMore.mockClear();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(onLoadMore).toHaveBeenCalled();
  });
});
