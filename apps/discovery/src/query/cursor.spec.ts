import { AppError } from '@seatwise/shared/errors/app-error';
import { afterCursor, decodeCursor, encodeCursor, findPage, sortSpec } from './cursor';

describe('cursor', () => {
  const spec = sortSpec('-lastSeen');

  it('round-trips dates, numbers and strings with the _id', () => {
    const at = new Date('2025-01-02T03:04:05.678Z');
    expect(decodeCursor(spec, encodeCursor(spec, at, 'A.x'))).toEqual({ value: at, id: 'A.x' });
    const byCount = sortSpec('userCount');
    expect(decodeCursor(byCount, encodeCursor(byCount, 7, 'A.y'))).toEqual({ value: 7, id: 'A.y' });
    const byName = sortSpec('name');
    expect(decodeCursor(byName, encodeCursor(byName, 'Slack', 'A.z'))).toEqual({ value: 'Slack', id: 'A.z' });
  });

  it.each(['not base64 json!', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')])(
    'rejects a forged cursor %s with COMMON.VALIDATION_FAILED',
    (cursor) => {
      expect(() => decodeCursor(spec, cursor)).toThrow(AppError);
      try {
        decodeCursor(spec, cursor);
      } catch (error) {
        expect((error as AppError).code).toBe('COMMON.VALIDATION_FAILED');
      }
    },
  );

  it('rejects a cursor of another sort', () => {
    const other = sortSpec('name');
    expect(() => decodeCursor(spec, encodeCursor(other, 'a', 'A.b'))).toThrow(/belongs to sort name/);
  });

  it('filters strictly after the cursor, ties broken by _id in the sort direction', () => {
    expect(afterCursor(spec, 5, 'A.b')).toEqual({ $or: [{ lastSeen: { $lt: 5 } }, { lastSeen: 5, _id: { $lt: 'A.b' } }] });
    expect(afterCursor(sortSpec('name'), 'x', 'A.b')).toEqual({ $or: [{ name: { $gt: 'x' } }, { name: 'x', _id: { $gt: 'A.b' } }] });
  });

  it('pages through rows in order without gaps or repeats', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => ({ _id: `A.${String(i).padStart(2, '0')}`, n: i % 5 }));
    const find = (filter: Record<string, unknown>, _sort: Record<string, 1 | -1>, limit: number): Promise<typeof rows> =>
      Promise.resolve(rows.filter((r) => matches(r, filter)).sort((a, b) => b.n - a.n || b._id.localeCompare(a._id)).slice(0, limit));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await findPage(find, {}, { sort: '-n', limit: 4, cursor }, {}, (r) => r._id);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
  });
});

// Just enough of MongoDB's filter semantics for the page walk above.
function matches(row: { _id: string; n: number }, filter: Record<string, unknown>): boolean {
  const and = filter['$and'] as Record<string, unknown>[] | undefined;
  if (and) return and.every((f) => matches(row, f));
  const or = filter['$or'] as Record<string, Record<string, unknown>>[] | undefined;
  if (!or) return true;
  const [lower, tie] = or as [{ n: { $lt: number } }, { n: number; _id: { $lt: string } }];
  return row.n < lower.n.$lt || (row.n === tie.n && row._id < tie._id.$lt);
}
