import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';

// Opaque cursors the gateway mints itself (for upstream lists that return everything at once): the
// sort key of the last item of the page, base64url-encoded JSON.
export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ k: key }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof value === 'object' && value !== null && typeof (value as { k?: unknown }).k === 'string') return (value as { k: string }).k;
  } catch {
    // fall through to the coded error
  }
  throw new AppError(ErrorCodes.VALIDATION_FAILED, 'The cursor is not one this list returned', [{ path: 'query.cursor', message: 'unknown cursor' }]);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// One page of a full, in-memory list ordered by a unique key.
export function pageInMemory<T>(items: readonly T[], keyOf: (item: T) => string, limit: number, cursor: string | undefined): Page<T> {
  const sorted = [...items].sort((a, b) => compare(keyOf(a), keyOf(b)));
  const after = cursor === undefined ? null : decodeCursor(cursor);
  const start = after === null ? 0 : sorted.findIndex((item) => compare(keyOf(item), after) > 0);
  const rest = start < 0 ? [] : sorted.slice(start);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rest.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
