import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { z } from 'zod';

export type SortValue = string | number | Date;
export interface SortSpec {
  name: string;
  field: string;
  direction: 1 | -1;
}

// "-lastSeen" → lastSeen descending. `fields` maps public sort names to stored fields.
export function sortSpec(sort: string, fields: Readonly<Record<string, string>> = {}): SortSpec {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  return { name: sort, field: fields[key] ?? key, direction: descending ? -1 : 1 };
}

const cursorSchema = z.tuple([z.string(), z.enum(['s', 'n', 'd']), z.union([z.string(), z.number()]), z.string()]);

// Opaque to callers: base64url JSON of the sort it belongs to, the last item's sort value and _id.
export function encodeCursor(spec: SortSpec, value: SortValue, id: string): string {
  const typed = value instanceof Date ? (['d', value.getTime()] as const) : typeof value === 'number' ? (['n', value] as const) : (['s', value] as const);
  return Buffer.from(JSON.stringify([spec.name, typed[0], typed[1], id])).toString('base64url');
}

export function decodeCursor(spec: SortSpec, cursor: string): { value: SortValue; id: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('is not a cursor this service issued');
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) throw badCursor('is not a cursor this service issued');
  const [sort, kind, value, id] = parsed.data;
  if (sort !== spec.name) throw badCursor(`belongs to sort ${sort}, not ${spec.name}`);
  if (kind === 'd' && typeof value === 'number') return { value: new Date(value), id };
  if (kind === 'n' && typeof value === 'number') return { value, id };
  if (kind === 's' && typeof value === 'string') return { value, id };
  throw badCursor('is not a cursor this service issued');
}

function badCursor(why: string): AppError {
  return new AppError(ErrorCodes.VALIDATION_FAILED, `Invalid cursor: it ${why}`, [{ path: 'cursor', message: why }]);
}

// The filter for "after the cursor" in the sort order, with _id breaking ties.
export function afterCursor(spec: SortSpec, value: SortValue, id: string): Record<string, unknown> {
  const op = spec.direction === 1 ? '$gt' : '$lt';
  return { $or: [{ [spec.field]: { [op]: value } }, { [spec.field]: value, _id: { [op]: id } }] };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// Runs a sorted, limited find (one extra row tells whether there is a next page).
export async function findPage<D extends { _id: string }, T>(
  find: (filter: Record<string, unknown>, sort: Record<string, 1 | -1>, limit: number) => Promise<D[]>,
  base: Record<string, unknown>,
  request: { sort: string; limit: number; cursor?: string | undefined },
  fields: Readonly<Record<string, string>>,
  toView: (doc: D) => T,
): Promise<Page<T>> {
  const spec = sortSpec(request.sort, fields);
  const filter = request.cursor === undefined ? base : { $and: [base, afterCursorOf(spec, request.cursor)] };
  const docs = await find(filter, { [spec.field]: spec.direction, _id: spec.direction }, request.limit + 1);
  const page = docs.slice(0, request.limit);
  const last = page[page.length - 1];
  const nextCursor = docs.length > request.limit && last ? encodeCursor(spec, sortValueOf(last, spec.field), last._id) : null;
  return { items: page.map(toView), nextCursor };
}

function afterCursorOf(spec: SortSpec, cursor: string): Record<string, unknown> {
  const { value, id } = decodeCursor(spec, cursor);
  return afterCursor(spec, value, id);
}

function sortValueOf(doc: object, field: string): SortValue {
  const value = (doc as Record<string, unknown>)[field];
  if (value instanceof Date || typeof value === 'number' || typeof value === 'string') return value;
  // Sort fields are always stored (a missing one would make the order ambiguous).
  throw new AppError(ErrorCodes.INTERNAL, `Sort field ${field} missing on ${(doc as { _id?: unknown })._id as string}`);
}
