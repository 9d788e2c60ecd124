import { additionJson, agreementJson, companyJson, productJson } from '../cw/serialize';
import type { Agreement } from '../data/model';
import { CwError } from '../errors';
import { countReply, listReply, numericId } from './list';
import type { Ctx, Route } from './route';

const companies = (ctx: Ctx) => ctx.world.companies.map(companyJson);
const catalog = (ctx: Ctx) => ctx.world.catalog.map(productJson);
const agreements = (ctx: Ctx) => ctx.world.agreements.map((a) => agreementJson(ctx.world, a));
const first = <T>(items: T[]): T | undefined => items[0];

function agreementArg(ctx: Ctx): Agreement {
  const id = numericId(ctx.args[0], 'Agreement');
  const agreement = ctx.world.agreementById.get(id);
  if (!agreement) throw CwError.notFound(`Agreement with id ${id} was not found.`);
  return agreement;
}

const additions = (ctx: Ctx) => agreementArg(ctx).additions.map((x) => additionJson(ctx.world, x));
// Any addition in the world serves as the model prototype, so conditions validate on an empty agreement too.
const additionPrototype = (ctx: Ctx) => {
  const any = ctx.world.agreements.find((a) => a.additions.length > 0)?.additions[0];
  return any ? additionJson(ctx.world, any) : undefined;
};

function one<T>(items: T[], id: number, what: string, key: (x: T) => number): T {
  const found = items.find((x) => key(x) === id);
  if (!found) throw CwError.notFound(`${what} with id ${id} was not found.`);
  return found;
}

// Read endpoints (fact sheet 3.1): list, count and by-id for companies, catalog items, agreements and additions.
export const READ_ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/company\/companies$/, handler: (c) => listReply(c, companies(c), first(companies(c))) },
  {
    method: 'GET',
    pattern: /^\/company\/companies\/count$/,
    handler: (c) => countReply(c, companies(c), first(companies(c))),
  },
  {
    method: 'GET',
    pattern: /^\/company\/companies\/([^/]+)$/,
    handler: (c) => ({
      body: companyJson(one(c.world.companies, numericId(c.args[0], 'Company'), 'Company', (x) => x.id)),
    }),
  },
  { method: 'GET', pattern: /^\/procurement\/catalog$/, handler: (c) => listReply(c, catalog(c), first(catalog(c))) },
  {
    method: 'GET',
    pattern: /^\/procurement\/catalog\/count$/,
    handler: (c) => countReply(c, catalog(c), first(catalog(c))),
  },
  {
    method: 'GET',
    pattern: /^\/procurement\/catalog\/([^/]+)$/,
    handler: (c) => ({
      body: productJson(one(c.world.catalog, numericId(c.args[0], 'Catalog item'), 'Catalog item', (x) => x.id)),
    }),
  },
  {
    method: 'GET',
    pattern: /^\/finance\/agreements$/,
    handler: (c) => listReply(c, agreements(c), first(agreements(c))),
  },
  {
    method: 'GET',
    pattern: /^\/finance\/agreements\/count$/,
    handler: (c) => countReply(c, agreements(c), first(agreements(c))),
  },
  {
    method: 'GET',
    pattern: /^\/finance\/agreements\/([^/]+)$/,
    handler: (c) => ({ body: agreementJson(c.world, agreementArg(c)) }),
  },
  {
    method: 'GET',
    pattern: /^\/finance\/agreements\/([^/]+)\/additions$/,
    handler: (c) => listReply(c, additions(c), additionPrototype(c)),
  },
  {
    method: 'GET',
    pattern: /^\/finance\/agreements\/([^/]+)\/additions\/count$/,
    handler: (c) => countReply(c, additions(c), additionPrototype(c)),
  },
];
