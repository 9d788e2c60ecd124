import type { Page } from '@seatwise/shared/contracts/page';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { afterCursor, decodeCursor, encodeCursor, sortSpec, type SortSpec, type SortValue } from './cursor';

export interface PageRequest {
  // A public sort name, "-" for descending ("-lastSeen"); "_id" pages by id alone.
  sort: string;
  limit: number;
  cursor?: string | undefined;
}

// The one query a page needs: filter, sort and limit, run by the repository that owns the collection.
export type PageFinder<D> = (
  filter: Record<string, unknown>,
  sort: Record<string, 1 | -1>,
  limit: number,
) => Promise<D[]>;

// Runs a sorted, limited find: one extra row tells whether there is a next page, and the last kept row
// becomes the cursor. `fields` maps public sort names to stored fields.
export async function findPage<D extends { _id: string }, T>(
  find: PageFinder<D>,
  base: Record<string, unknown>,
  request: PageRequest,
  toView: (doc: D) => T,
  fields: Readonly<Record<string, string>> = {},
): Promise<Page<T>> {
  const spec = sortSpec(request.sort, fields);
  const filter =
    request.cursor === undefined ? base : { $and: [base, afterCursor(spec, decodeCursor(spec, request.cursor))] };
  const order: Record<string, 1 | -1> =
    spec.field === '_id' ? { _id: spec.direction } : { [spec.field]: spec.direction, _id: spec.direction };
  const docs = await find(filter, order, request.limit + 1);
  const kept = docs.slice(0, request.limit);
  const last = kept.at(-1);
  const nextCursor =
    docs.length > request.limit && last ? encodeCursor(spec, { value: sortValueOf(last, spec), id: last._id }) : null;
  return { items: kept.map(toView), nextCursor };
}

// One page of a list held whole in memory, ordered by a unique string key (lists an upstream returns at
// once); the cursors are the same as findPage's.
export function pageInMemory<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  limit: number,
  cursor: string | undefined,
): Page<T> {
  const spec = sortSpec('_id');
  const sorted = [...items].sort((a, b) => compare(keyOf(a), keyOf(b)));
  const after = cursor === undefined ? null : decodeCursor(spec, cursor).id;
  const start = after === null ? 0 : sorted.findIndex((item) => compare(keyOf(item), after) > 0);
  const rest = start < 0 ? [] : sorted.slice(start);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rest.length > limit && last !== undefined ? encodeCursor(spec, { value: keyOf(last), id: keyOf(last) }) : null;
  return { items: page, nextCursor };
}

function sortValueOf(doc: { _id: string }, spec: SortSpec): SortValue {
  if (spec.field === '_id') return doc._id;
  const value = (doc as unknown as Record<string, unknown>)[spec.field];
  if (value instanceof Date || typeof value === 'number' || typeof value === 'string') return value;
  // Sort fields are always stored (a missing one would make the order ambiguous).
  throw new AppError(ErrorCodes.INTERNAL, `Sort field ${spec.field} missing on ${doc._id}`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
