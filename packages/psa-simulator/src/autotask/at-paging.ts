import { AtError } from './at-error';
import type { Json } from './at-filter';

// Autotask answers at most 500 records per page (fact sheet 3.2) and MaxRecords may ask for fewer.
export const MAX_RECORDS = 500;

// What a query asks: the raw filter (parsed per request, so a page URL replays it exactly), the fields to return
// (null: all) and the page size.
export interface QuerySpec {
  filter: unknown;
  includeFields: string[] | null;
  maxRecords: number;
}

// Where a page starts: after an id (next pages), before one (previous pages), or at the first record.
export interface Cursor {
  after?: number;
  before?: number;
}

export interface Page {
  items: Json[];
  prev: Cursor | null;
  next: Cursor | null;
}

// Property names of a query body match case-insensitively (clients send both `MaxRecords` and `maxRecords`).
function member(body: Json, name: string): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

export function querySpecOf(body: unknown): QuerySpec {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw AtError.badRequest('The query must be a JSON object with a filter.');
  }
  const b = body as Json;
  const max = member(b, 'MaxRecords') ?? MAX_RECORDS;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_RECORDS) {
    throw AtError.badRequest(`MaxRecords must be a whole number from 1 to ${MAX_RECORDS}.`);
  }
  const include = member(b, 'IncludeFields') ?? null;
  if (include !== null && (!Array.isArray(include) || !include.every((f) => typeof f === 'string'))) {
    throw AtError.badRequest('IncludeFields must be an array of field names.');
  }
  return { filter: member(b, 'filter'), includeFields: include, maxRecords: max };
}

// Records must be in id order. A next page starts after the last id served and a previous page ends before the
// first, so records added or removed between pages neither repeat nor vanish.
export function pageOf(records: Json[], max: number, cursor: Cursor): Page {
  const id = (r: Json): number => Number(r['id']);
  let items: Json[];
  if (cursor.after !== undefined) {
    const after = cursor.after;
    items = records.filter((r) => id(r) > after).slice(0, max);
  } else if (cursor.before !== undefined) {
    const before = cursor.before;
    items = records.filter((r) => id(r) < before).slice(-max);
  } else {
    items = records.slice(0, max);
  }
  const [first, last] = [items[0], items.at(-1)];
  return {
    items,
    prev: first !== undefined && records.some((r) => id(r) < id(first)) ? { before: id(first) } : null,
    next: last !== undefined && records.some((r) => id(r) > id(last)) ? { after: id(last) } : null,
  };
}

// The opaque `paging` parameter of a page URL: the query and the cursor, base64url JSON.
export function encodePaging(spec: QuerySpec, cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ ...spec, ...cursor }), 'utf8').toString('base64url');
}

export function decodePaging(token: string | null): { spec: QuerySpec; cursor: Cursor } {
  try {
    const raw = JSON.parse(Buffer.from(token ?? '', 'base64url').toString('utf8')) as Json;
    const spec = querySpecOf(raw);
    const cursor: Cursor = {};
    if (typeof raw['after'] === 'number') cursor.after = raw['after'];
    if (typeof raw['before'] === 'number') cursor.before = raw['before'];
    return { spec, cursor };
  } catch (error) {
    if (error instanceof AtError) throw error;
    throw AtError.badRequest('The paging parameter is not valid.');
  }
}
