import { matches } from '../cw/evaluate';
import { ConditionError } from '../cw/lexer';
import { paginate } from '../cw/paging';
import { parseConditions } from '../cw/parser';
import type { Json } from '../cw/serialize';
import { CwError } from '../errors';
import type { Ctx, Reply } from './route';

// Filters serialized records by `conditions`. The expression is also checked against `prototype` (a full record of
// this resource) so an unknown field is a 400 even when the list is empty, as CW validates against the model.
function filter(ctx: Ctx, records: Json[], prototype: Json | undefined): Json[] {
  const source = ctx.url.searchParams.get('conditions');
  if (source === null || source.trim() === '') return records;
  try {
    const expr = parseConditions(source);
    if (prototype) matches(expr, prototype);
    return records.filter((r) => matches(expr, r));
  } catch (error) {
    if (error instanceof ConditionError) throw CwError.badRequest(`conditions: ${error.message}`);
    throw error;
  }
}

const idOf = (r: Json): number => (typeof r['id'] === 'number' ? r['id'] : 0);

// A list endpoint: conditions, then id order, then a page; the Link header carries navigation as CW does.
export function listReply(ctx: Ctx, records: Json[], prototype: Json | undefined): Reply {
  const filtered = filter(ctx, records, prototype)
    .map((r) => ({ id: idOf(r), r }))
    .sort((a, b) => a.id - b.id);
  const page = paginate(filtered, ctx.url, ctx.forwardOnly);
  return { body: page.items.map((x) => x.r), headers: page.link === undefined ? {} : { Link: page.link } };
}

// `…/count`: {"count": N} after conditions.
export function countReply(ctx: Ctx, records: Json[], prototype: Json | undefined): Reply {
  return { body: { count: filter(ctx, records, prototype).length } };
}

export function numericId(raw: string | undefined, what: string): number {
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) {
    throw CwError.notFound(`${what} with id ${raw ?? ''} was not found.`);
  }
  return Number(raw);
}
