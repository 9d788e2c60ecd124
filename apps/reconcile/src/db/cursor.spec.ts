import { AppError } from '@seatwise/shared/errors/app-error';
import { decodeCursor, encodeCursor, toPage } from './cursor';

describe('list cursors', () => {
  it('round-trips the last id', () => {
    expect(decodeCursor(encodeCursor('rec_DA1_essentials'))).toBe('rec_DA1_essentials');
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it.each(['nope', encodeCursor('x').slice(0, 5), Buffer.from('{"after":5}').toString('base64url')])('rejects %s with COMMON.VALIDATION_FAILED', (bad) => {
    expect(() => decodeCursor(bad)).toThrow(AppError);
    expect(() => decodeCursor(bad)).toThrow(/Invalid cursor/);
  });

  it('pages with limit + 1 fetched', () => {
    const docs = [{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }];
    const page = toPage(docs, 2, (d) => d._id);
    expect(page.items).toEqual(['a', 'b']);
    expect(decodeCursor(page.nextCursor ?? undefined)).toBe('b');
    expect(toPage(docs.slice(0, 2), 2, (d) => d._id).nextCursor).toBeNull();
  });
});
