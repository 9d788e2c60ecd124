import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { z } from 'zod';

export type SortValue = string | number | Date;

export interface SortSpec {
  // The public sort as the caller wrote it ("-lastSeen"): a cursor belongs to one sort.
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

export interface CursorPosition {
  value: SortValue;
  id: string;
}

const cursorSchema = z.tuple([
  z.string().max(100),
  z.enum(['s', 'n', 'd']),
  z.union([z.string().max(1_000), z.number()]),
  z.string().max(1_000),
]);

// Opaque to callers: base64url JSON of the sort it belongs to, the last item's sort value (typed, so a
// date stays a date) and its _id, which breaks ties.
export function encodeCursor(spec: SortSpec, position: CursorPosition): string {
  const { value, id } = position;
  const typed =
    value instanceof Date
      ? (['d', value.getTime()] as const)
      : typeof value === 'number'
        ? (['n', value] as const)
        : (['s', value] as const);
  return Buffer.from(JSON.stringify([spec.name, typed[0], typed[1], id])).toString('base64url');
}

// A cursor that does not decode, or belongs to another sort, is the caller's error: never a silent
// restart from the first page.
export function decodeCursor(spec: SortSpec, cursor: string): CursorPosition {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('is not a cursor this list issued');
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) throw badCursor('is not a cursor this list issued');
  const [sort, kind, value, id] = parsed.data;
  if (sort !== spec.name) throw badCursor(`belongs to sort ${sort}, not ${spec.name}`);
  if (kind === 'd' && typeof value === 'number') return { value: new Date(value), id };
  if (kind === 'n' && typeof value === 'number') return { value, id };
  if (kind === 's' && typeof value === 'string') return { value, id };
  throw badCursor('is not a cursor this list issued');
}

function badCursor(why: string): AppError {
  return new AppError(ErrorCodes.VALIDATION_FAILED, `Invalid cursor: it ${why}`, [{ path: 'cursor', message: why }]);
}

// The filter for "after the cursor" in the sort order, with _id breaking ties.
export function afterCursor(spec: SortSpec, position: CursorPosition): Record<string, unknown> {
  const op = spec.direction === 1 ? '$gt' : '$lt';
  if (spec.field === '_id') return { _id: { [op]: position.id } };
  return {
    $or: [{ [spec.field]: { [op]: position.value } }, { [spec.field]: position.value, _id: { [op]: position.id } }],
  };
}
