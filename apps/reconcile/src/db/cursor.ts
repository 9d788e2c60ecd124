import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { z } from 'zod';

const cursorSchema = z.object({ after: z.string().min(1).max(300) }).strict();

// Opaque list cursors: the last _id served, base64url-encoded JSON. A cursor that does not decode is the
// caller's error, never a silent restart from the first page.
export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) throw new AppError(ErrorCodes.VALIDATION_FAILED, 'Invalid cursor: pass the nextCursor of a previous page', [{ path: 'cursor', message: 'is not a cursor of this list' }]);
  return parsed.data.after;
}

// Runs a page query that fetched limit + 1 items, and derives the next cursor from the last one kept.
export function toPage<T extends { _id: string }, V>(docs: T[], limit: number, view: (doc: T) => V): { items: V[]; nextCursor: string | null } {
  const kept = docs.slice(0, limit);
  const last = kept[kept.length - 1];
  return { items: kept.map(view), nextCursor: docs.length > limit && last ? encodeCursor(last._id) : null };
}

// The _id condition of a page: after the cursor, ascending or descending.
export function afterCondition(cursor: string | undefined, order: 1 | -1): Record<string, unknown> {
  const after = decodeCursor(cursor);
  return after === undefined ? {} : { _id: order === 1 ? { $gt: after } : { $lt: after } };
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
