import type { Page } from '@seatwise/shared/contracts/page';
import { decodeCursor, encodeCursor, sortSpec, type SortValue } from './cursor';
import type { PageRequest } from './find-page';

// An entry of a list held in memory: its id and its value in the requested sort's field (a Date for a date field,
// so cursors carry its type).
export interface SortedEntry {
  id: string;
  value: SortValue;
}

// One page of entries held in memory, in the order findPage asks of the server (the sort's field, then the id, both
// in the sort's direction) and with the same cursors: a cursor one issues pages on in the other. Strings compare by
// UTF-16 code units; the server compares UTF-8 bytes, which orders differently only characters above U+FFFF against
// those in U+E000–U+FFFF.
export function pageSorted(entries: readonly SortedEntry[], request: PageRequest): Page<string> {
  const spec = sortSpec(request.sort);
  const ordered = (a: SortedEntry, b: SortedEntry): number =>
    spec.direction * (compareValues(a.value, b.value) || compareValues(a.id, b.id));
  const after = request.cursor === undefined ? null : decodeCursor(spec, request.cursor);
  const rest = after === null ? [...entries] : entries.filter((entry) => ordered(entry, after) > 0);
  rest.sort(ordered);
  const page = rest.slice(0, request.limit);
  const last = page.at(-1);
  const nextCursor =
    rest.length > request.limit && last ? encodeCursor(spec, { value: last.value, id: last.id }) : null;
  return { items: page.map((entry) => entry.id), nextCursor };
}

function compareValues(a: SortValue, b: SortValue): number {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  if (typeof x !== typeof y) return typeof x < typeof y ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
