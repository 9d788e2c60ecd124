import { encodeCursor, sortSpec } from './cursor';
import { type SortedEntry, pageSorted } from './sorted-page';

// Entries held in memory page like findPage's server query: the field, then the id, in the sort's direction.
const at = (day: number): Date => new Date(Date.UTC(2026, 10, day));
const entries: SortedEntry[] = [
  { id: 'a.3', value: at(2) },
  { id: 'a.1', value: at(5) },
  { id: 'a.2', value: at(2) },
  { id: 'a.4', value: at(9) },
  { id: 'a.5', value: at(2) },
];

function allPages(sort: string, limit: number, list = entries): string[][] {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = pageSorted(list, { sort, limit, cursor });
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

describe('pageSorted', () => {
  it('orders by the field and breaks ties by id, both ascending', () => {
    expect(allPages('lastSeen', 2)).toEqual([['a.2', 'a.3'], ['a.5', 'a.1'], ['a.4']]);
  });

  it('orders both descending for a descending sort', () => {
    expect(allPages('-lastSeen', 3)).toEqual([
      ['a.4', 'a.1', 'a.5'],
      ['a.3', 'a.2'],
    ]);
  });

  it('issues no cursor when the page holds the rest, and an empty page for no entries', () => {
    expect(pageSorted(entries, { sort: 'lastSeen', limit: 5 })).toEqual({
      items: ['a.2', 'a.3', 'a.5', 'a.1', 'a.4'],
      nextCursor: null,
    });
    expect(pageSorted([], { sort: 'lastSeen', limit: 5 })).toEqual({ items: [], nextCursor: null });
  });

  it("takes findPage's cursors: a position is the last item's value and id", () => {
    const cursor = encodeCursor(sortSpec('lastSeen'), { value: at(2), id: 'a.3' });
    expect(pageSorted(entries, { sort: 'lastSeen', limit: 2, cursor }).items).toEqual(['a.5', 'a.1']);
  });

  it('orders strings and numbers', () => {
    const names = [
      { id: 'x.1', value: 'bob' },
      { id: 'x.2', value: 'Alice' },
      { id: 'x.3', value: 'alice' },
    ];
    expect(allPages('username', 10, names)).toEqual([['x.2', 'x.3', 'x.1']]);
    const counts = [
      { id: 'y.1', value: 10 },
      { id: 'y.2', value: 9 },
    ];
    expect(allPages('-authCount', 10, counts)).toEqual([['y.1', 'y.2']]);
  });

  it('refuses a cursor of another sort', () => {
    const cursor = encodeCursor(sortSpec('lastSeen'), { value: at(2), id: 'a.3' });
    expect(() => pageSorted(entries, { sort: '-lastSeen', limit: 2, cursor })).toThrow(/belongs to sort lastSeen/);
  });
});
