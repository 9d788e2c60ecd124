import { AppError } from '@seatwise/shared/errors/app-error';
import { decodeCursor, encodeCursor, pageInMemory } from './cursor';

describe('in-memory pages', () => {
  const items = ['d', 'a', 'c', 'b', 'e'].map((id) => ({ id }));

  it('walks a list to its end in key order, each item once', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = pageInMemory(items, (i) => i.id, 2, cursor);
      seen.push(...page.items.map((i) => i.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('ends with a null cursor when the last page is exactly full', () => {
    expect(pageInMemory(items, (i) => i.id, 5, undefined).nextCursor).toBeNull();
  });

  it('round-trips cursors and rejects foreign ones with a coded error', () => {
    expect(decodeCursor(encodeCursor('x|1'))).toBe('x|1');
    expect(() => decodeCursor('bm90LWpzb24')).toThrow(AppError);
  });
});
