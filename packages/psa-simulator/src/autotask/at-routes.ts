import { createAdjustment } from './at-adjustments';
import { entityNamed, type EntityDef } from './at-entities';
import { AtError } from './at-error';
import { decodePaging, querySpecOf } from './at-paging';
import { countReply, itemReply, queryReply, type AtCtx, type AtReply } from './at-query';

export interface AtRoute {
  // The endpoint the thread limit counts against (the entity's name).
  endpoint: string;
  handler: (ctx: AtCtx) => AtReply;
}

export const ADJUSTMENTS = 'ContractServiceAdjustments';

const notAllowed = (what: string, method: string): AtError =>
  AtError.methodNotAllowed(`The requested resource does not support http method '${method}': ${what}.`);

// GET …/query?search={json}: the same query as a POST body, in the URL.
function searchOf(url: URL): unknown {
  try {
    return JSON.parse(url.searchParams.get('search') ?? '') as unknown;
  } catch {
    throw AtError.badRequest('The search parameter must be a JSON query.');
  }
}

function queryRoute(entity: EntityDef, method: string, tail: string): AtRoute['handler'] {
  const key = `${method} ${tail}`;
  if (key === 'POST query') return (c) => queryReply(c, entity, querySpecOf(c.body), {});
  if (key === 'GET query') return (c) => queryReply(c, entity, querySpecOf(searchOf(c.url)), {});
  if (key === 'GET query/next' || key === 'GET query/prev') {
    return (c) => {
      const { spec, cursor } = decodePaging(c.url.searchParams.get('paging'));
      return queryReply(c, entity, spec, cursor);
    };
  }
  if (key === 'POST query/count') return (c) => countReply(c, entity, querySpecOf(c.body));
  if (['query', 'query/next', 'query/prev', 'query/count'].includes(tail)) throw notAllowed(tail, method);
  if (/^\d+$/.test(tail)) {
    if (method === 'GET') return (c) => itemReply(c, entity, tail);
    throw notAllowed(`${entity.name} are read-only here`, method);
  }
  throw AtError.notFound(`The requested resource ${entity.name}/${tail} was not found.`);
}

// Below /atservicesrest/v1.0: readable entities (query, page URLs, count, by id) and ContractServiceAdjustments
// (create-only). Writes to any other entity are 405: ContractServiceUnits are read-only,
// ContractServices change only through adjustments, and the rest are not simulated.
export function findAtRoute(method: string, segments: string[]): AtRoute {
  const [name = '', ...rest] = segments;
  const tail = rest.join('/').toLowerCase();
  if (name.toLowerCase() === ADJUSTMENTS.toLowerCase()) {
    if (method !== 'POST' || tail !== '') throw notAllowed(`${ADJUSTMENTS} are create-only`, method);
    return { endpoint: ADJUSTMENTS, handler: createAdjustment };
  }
  const entity = entityNamed(name);
  if (!entity) throw AtError.notFound(`The requested resource ${name} was not found.`);
  if (tail === '') throw notAllowed(`${entity.name} cannot be written here`, method);
  return { endpoint: entity.name, handler: queryRoute(entity, method, tail) };
}
