import type { World } from '../data/model';
import { HaloError } from './halo-errors';
import { listEnvelope } from './halo-paging';
import { ENVELOPE, clientJson, invoiceJson, itemJson, type Json } from './halo-serialize';
import { applyUpdate, planUpdate } from './halo-update';

export interface HaloCtx {
  world: World;
  query: URLSearchParams;
  // Parsed JSON body of a POST, undefined otherwise.
  body: unknown;
  now: number;
  // The API application's client id; recorded as updatedBy on writes.
  caller: string;
}

export interface HaloReply {
  status?: number;
  body: unknown;
}

interface HaloRoute {
  method: 'GET' | 'POST';
  // Matched case-insensitively against the path below /api (Halo's routes ignore case: `api/item`, `api/Item`).
  pattern: RegExp;
  handler: (ctx: HaloCtx, id: number | null) => HaloReply;
}

const flag = (ctx: HaloCtx, name: string): boolean => (ctx.query.get(name) ?? '').toLowerCase() === 'true';

function idFilter(ctx: HaloCtx, name: string): number | null {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return null;
  if (!/^\d{1,9}$/.test(raw)) throw HaloError.badRequest(`${name} must be a whole number.`);
  return Number(raw);
}

function found<T>(value: T | undefined, what: string, id: number | null): T {
  if (value === undefined) throw HaloError.notFound(`${what} ${String(id)} was not found.`);
  return value;
}

// GET /api/RecurringInvoice: inactive invoices only with includeinactive=true (as the HaloAPI module's switch
// suggests), lines only with includelines=true, filtered by client_id.
function invoices(ctx: HaloCtx): HaloReply {
  const client = idFilter(ctx, 'client_id');
  const records = ctx.world.agreements
    .filter((a) => (client === null || a.companyId === client) && (!a.cancelled || flag(ctx, 'includeinactive')))
    .sort((a, b) => a.id - b.id)
    .map((a) => invoiceJson(ctx.world, a, flag(ctx, 'includelines')));
  return { body: listEnvelope(ENVELOPE.invoice, records, ctx.query) };
}

function update(ctx: HaloCtx): HaloReply {
  const plan = planUpdate(ctx.world, ctx.body);
  const created = applyUpdate(ctx.world, plan, ctx.now, ctx.caller);
  const saved: Json[] = plan.invoices.map((a) => invoiceJson(ctx.world, a, true));
  return { status: created > 0 ? 201 : 200, body: saved.length === 1 ? saved[0] : saved };
}

const byId = <T extends { id: number }>(items: T[]): T[] => [...items].sort((a, b) => a.id - b.id);

export const HALO_ROUTES: HaloRoute[] = [
  {
    method: 'GET',
    pattern: /^\/client$/i,
    handler: (c) => ({ body: listEnvelope(ENVELOPE.client, byId(c.world.companies).map(clientJson), c.query) }),
  },
  {
    method: 'GET',
    pattern: /^\/client\/(\d{1,9})$/i,
    handler: (c, id) => ({ body: clientJson(found(c.world.companyById.get(id ?? 0), 'Client', id)) }),
  },
  {
    method: 'GET',
    pattern: /^\/item$/i,
    handler: (c) => ({ body: listEnvelope(ENVELOPE.item, byId(c.world.catalog).map(itemJson), c.query) }),
  },
  {
    method: 'GET',
    pattern: /^\/item\/(\d{1,9})$/i,
    handler: (c, id) => ({ body: itemJson(found(c.world.productById.get(id ?? 0), 'Item', id)) }),
  },
  { method: 'GET', pattern: /^\/recurringinvoice$/i, handler: invoices },
  { method: 'POST', pattern: /^\/recurringinvoice$/i, handler: update },
  {
    // A single invoice always carries its lines.
    method: 'GET',
    pattern: /^\/recurringinvoice\/(\d{1,9})$/i,
    handler: (c, id) => ({
      body: invoiceJson(c.world, found(c.world.agreementById.get(id ?? 0), 'Recurring invoice', id), true),
    }),
  },
];

// The route for a path below /api: 404 for an unknown path, 405 for a known path with another verb.
export function findHaloRoute(method: string, path: string): { route: HaloRoute; id: number | null } {
  let known = false;
  for (const route of HALO_ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    known = true;
    if (route.method === method.toUpperCase()) return { route, id: match[1] === undefined ? null : Number(match[1]) };
  }
  if (known) throw HaloError.api(405, 'MethodNotAllowed', `The resource does not support http method '${method}'.`);
  throw HaloError.notFound(`The requested resource ${path} was not found.`);
}
