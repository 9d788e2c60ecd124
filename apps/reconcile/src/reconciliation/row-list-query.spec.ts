import { findPage, type PageFinder } from '@seatwise/platform/db/find-page';
import { RECONCILIATION_SORTS } from '@seatwise/shared/contracts/reconcile-views';
import { ROW_SORT_FIELDS, rowListQuery } from './row-list-query';

interface Row {
  _id: string;
  sku: string;
  delta: number;
}

const rows: Row[] = [
  { _id: 'r1', sku: 'Essentials', delta: 3 },
  { _id: 'r2', sku: 'Advantage', delta: 7 },
  { _id: 'r3', sku: 'Essentials', delta: 7 },
  { _id: 'r4', sku: 'Essentials', delta: -2 },
  { _id: 'r5', sku: 'Essentials', delta: 7 },
  { _id: 'r6', sku: 'Essentials', delta: 0 },
];

// Honours the shapes findPage builds for a numeric sort: equality, $and, $or, $lt/$gt.
function matches(row: Row, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, cond]) => {
    if (key === '$and') return (cond as Record<string, unknown>[]).every((f) => matches(row, f));
    if (key === '$or') return (cond as Record<string, unknown>[]).some((f) => matches(row, f));
    const value = row[key as keyof Row];
    if (typeof cond !== 'object' || cond === null) return value === cond;
    const [[op, bound]] = Object.entries(cond) as [[string, string | number]];
    if (op === '$gte') return value >= bound;
    if (op === '$lte') return value <= bound;
    return op === '$gt' ? value > bound : value < bound;
  });
}

// Records each find, and answers it from `rows`.
function recordingFinder() {
  const calls: { filter: Record<string, unknown>; sort: Record<string, 1 | -1> }[] = [];
  const find: PageFinder<Row> = (filter, sort, limit) => {
    calls.push({ filter, sort });
    const order = Object.entries(sort) as [keyof Row, 1 | -1][];
    const sorted = rows
      .filter((r) => matches(r, filter))
      .sort((a, b) => {
        for (const [key, dir] of order) if (a[key] !== b[key]) return a[key] < b[key] ? -dir : dir;
        return 0;
      });
    return Promise.resolve(sorted.slice(0, limit));
  };
  return { calls, find };
}

describe('rowListQuery', () => {
  it('keeps only the filters given, picked by name', () => {
    const request = { state: 'pending' as const, sku: 'Essentials', accountId: undefined, limit: 50, extra: 'x' };
    expect(rowListQuery(request).filter).toEqual({ state: 'pending', sku: 'Essentials' });
    expect(
      rowListQuery({ type: 'over_billed', accountId: 'DA1', psaCompanyId: 'c-1', limit: 5, cursor: 'abc' }),
    ).toEqual({
      filter: { type: 'over_billed', accountId: 'DA1', psaCompanyId: 'c-1' },
      page: { sort: '_id', limit: 5, cursor: 'abc' },
    });
  });

  it('keeps rows whose delta is at least minDelta either way, paged like any filter', async () => {
    const { find } = recordingFinder();
    const { filter, page } = rowListQuery({ minDelta: 3, sort: 'delta', limit: 2 });
    const first = await findPage(find, filter, page, (r) => r._id);
    const second = await findPage(find, filter, { ...page, cursor: first.nextCursor ?? undefined }, (r) => r._id);
    expect([...first.items, ...second.items]).toEqual(['r1', 'r2', 'r3', 'r5']);
    expect(filter).toEqual({ $and: [{ $or: [{ delta: { $gte: 3 } }, { delta: { $lte: -3 } }] }] });
    expect(rowListQuery({ minDelta: 0, limit: 2 }).filter).toEqual({});
  });

  it('tells muted rows from the rest by the time given', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(rowListQuery({ muted: true, state: 'pending', limit: 5 }, now).filter).toEqual({
      state: 'pending',
      $and: [{ mutedUntil: { $gt: now } }],
    });
    expect(rowListQuery({ muted: false, minDelta: 2, limit: 5 }, now).filter).toEqual({
      $and: [
        { $or: [{ delta: { $gte: 2 } }, { delta: { $lte: -2 } }] },
        { $or: [{ mutedUntil: null }, { mutedUntil: { $lte: now } }] },
      ],
    });
  });

  it('pages by row id unless a column is named', () => {
    expect(rowListQuery({ limit: 10 }).page).toEqual({ sort: '_id', limit: 10, cursor: undefined });
    expect(rowListQuery({ limit: 10, sort: '-delta' }).page).toEqual({ sort: '-delta', limit: 10, cursor: undefined });
  });

  it('sorts by stored fields only: one per column, each sortable both ways', () => {
    expect(ROW_SORT_FIELDS).toEqual([
      'accountName',
      'sku',
      'vendorQuantity',
      'psaQuantity',
      'delta',
      'type',
      'state',
      'updatedAt',
      'monthlyImpact',
    ]);
    expect([...RECONCILIATION_SORTS].sort()).toEqual(
      [...ROW_SORT_FIELDS, ...ROW_SORT_FIELDS.map((f) => `-${f}`)].sort(),
    );
  });

  it('walks -delta within a SKU page by page, ties by id descending, each row once', async () => {
    const { calls, find } = recordingFinder();
    const { filter, page } = rowListQuery({ sku: 'Essentials', sort: '-delta', limit: 2 });
    const first = await findPage(find, filter, page, (r) => r._id);
    expect(first.items).toEqual(['r5', 'r3']);
    const second = await findPage(find, filter, { ...page, cursor: first.nextCursor ?? undefined }, (r) => r._id);
    expect(second.items).toEqual(['r1', 'r6']);
    const third = await findPage(find, filter, { ...page, cursor: second.nextCursor ?? undefined }, (r) => r._id);
    expect(third).toEqual({ items: ['r4'], nextCursor: null });
    expect(calls[0]).toEqual({ filter: { sku: 'Essentials' }, sort: { delta: -1, _id: -1 } });
    // The next page keeps the filter and starts after the last row in (delta, _id) order.
    expect(calls[1]!.filter).toEqual({
      $and: [{ sku: 'Essentials' }, { $or: [{ delta: { $lt: 7 } }, { delta: 7, _id: { $lt: 'r3' } }] }],
    });
  });

  it('refuses a cursor of another sort rather than restarting', async () => {
    const { find } = recordingFinder();
    const byDelta = await findPage(find, {}, rowListQuery({ sort: '-delta', limit: 1 }).page, (r) => r._id);
    const cursor = byDelta.nextCursor ?? undefined;
    await expect(
      findPage(find, {}, rowListQuery({ sort: 'delta', limit: 1, cursor }).page, (r) => r._id),
    ).rejects.toMatchObject({ code: 'COMMON.VALIDATION_FAILED' });
  });
});
