import type { EntityDef } from './at-entities';
import { AtError } from './at-error';
import { fieldIndex, matches, parseFilter, type Json } from './at-filter';
import { encodePaging, pageOf, type Cursor, type QuerySpec } from './at-paging';
import type { AtState } from './at-state';

export interface AtCtx {
  state: AtState;
  url: URL;
  // Parsed JSON body (POST), undefined when absent.
  body: unknown;
  now: number;
  // The API user, recorded on writes.
  member: string;
  // Absolute URL of the REST version root (…/atservicesrest/v1.0), for page URLs.
  apiBase: string;
}

export interface AtReply {
  status?: number;
  body: unknown;
}

// The filter is also tried on one record of the entity, so a value of the wrong type for its field is a 400 like
// an unknown field, whether or not anything matches.
function filtered(state: AtState, entity: EntityDef, spec: QuerySpec): Json[] {
  const condition = parseFilter(spec.filter, entity.name, fieldIndex(entity.fields));
  const records = entity.records(state);
  const sample = records[0];
  if (sample) matches(condition, sample);
  return records.filter((r) => matches(condition, r));
}

function projection(entity: EntityDef, include: string[] | null): ((r: Json) => Json) | null {
  if (include === null || include.length === 0) return null;
  const index = fieldIndex(entity.fields);
  const fields = include.map((name) => {
    const field = index.get(name.toLowerCase());
    if (field === undefined) throw AtError.badRequest(`Unable to find ${name} in the ${entity.name} entity.`);
    return field;
  });
  const keep = new Set(['id', ...fields]);
  return (r) => Object.fromEntries(Object.entries(r).filter(([k]) => keep.has(k)));
}

function pageUrl(ctx: AtCtx, entity: EntityDef, spec: QuerySpec, cursor: Cursor | null, way: string): string | null {
  if (cursor === null) return null;
  return `${ctx.apiBase}/${entity.name}/query/${way}?paging=${encodePaging(spec, cursor)}`;
}

// {items, pageDetails: {count, requestCount, prevPageUrl, nextPageUrl}}: page URLs are absolute, to GET.
export function queryReply(ctx: AtCtx, entity: EntityDef, spec: QuerySpec, cursor: Cursor): AtReply {
  const project = projection(entity, spec.includeFields);
  const page = pageOf(filtered(ctx.state, entity, spec), spec.maxRecords, cursor);
  return {
    body: {
      items: project === null ? page.items : page.items.map(project),
      pageDetails: {
        count: page.items.length,
        requestCount: spec.maxRecords,
        prevPageUrl: pageUrl(ctx, entity, spec, page.prev, 'prev'),
        nextPageUrl: pageUrl(ctx, entity, spec, page.next, 'next'),
      },
    },
  };
}

export function countReply(ctx: AtCtx, entity: EntityDef, spec: QuerySpec): AtReply {
  return { body: { queryCount: filtered(ctx.state, entity, spec).length } };
}

// GET /{Entity}/{id}: {item}; an id that is not a record is a 404.
export function itemReply(ctx: AtCtx, entity: EntityDef, raw: string): AtReply {
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  const item = entity.records(ctx.state).find((r) => r['id'] === id);
  if (item === undefined) throw AtError.notFound(`${entity.name} with id ${raw} was not found.`);
  return { body: { item } };
}
