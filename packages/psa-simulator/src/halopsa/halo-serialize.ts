import type { Addition, Agreement, Company, World } from '../data/model';
import type { Product } from '../data/products';

// HaloPSA JSON shapes: every wire name the dialect uses lives here (field names the fact sheet leaves unconfirmed
// are the simulator's choice, listed in README.md). Company → Client, Product → Item, Agreement → RecurringInvoice,
// Addition → recurring-invoice line.

export type Json = Record<string, unknown>;

// The collection key of each list answer (as the HaloAPI PowerShell module reads them: clients, items, invoices).
export const ENVELOPE = { client: 'clients', item: 'items', invoice: 'invoices' } as const;

// Names of the writable line fields a POST reads (see halo-update.ts).
export const LINE = {
  id: 'id',
  item: 'item_id',
  quantity: 'qty_order',
  unitPrice: 'unit_price',
  startDate: 'start_date',
} as const;

export function haloDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const money = (n: number): number => Math.round(n * 100) / 100;

export function clientJson(c: Company): Json {
  return { id: c.id, name: c.name, inactive: false, toplevel_id: 1, toplevel_name: 'Clients' };
}

export function itemJson(p: Product): Json {
  return {
    id: p.id,
    name: p.description,
    code: p.identifier,
    description: p.description,
    baseprice: p.price,
    costprice: p.cost,
    inactive: false,
  };
}

export function lineJson(world: World, x: Addition): Json {
  const product = world.productById.get(x.productId);
  return {
    [LINE.id]: x.id,
    ihid: x.agreementId,
    [LINE.item]: x.productId,
    item_code: product?.identifier ?? null,
    item_shortdescription: x.description,
    [LINE.quantity]: x.quantity,
    [LINE.unitPrice]: x.unitPrice,
    net_amount: money(x.quantity * x.unitPrice),
    [LINE.startDate]: haloDate(x.effectiveDate),
  };
}

// Cancelled lines are not served (a cancelled CW addition no longer bills; Halo would delete the line).
export const servedLines = (a: Agreement): Addition[] => a.additions.filter((x) => x.cancelledDate === null);

export function invoiceJson(world: World, a: Agreement, withLines: boolean): Json {
  const company = world.companyById.get(a.companyId);
  return {
    id: a.id,
    client_id: a.companyId,
    client_name: company?.name ?? null,
    reference: a.name,
    inactive: a.cancelled,
    start_date: haloDate(a.startDate),
    currency_code: world.currency,
    ...(withLines ? { lines: servedLines(a).map((x) => lineJson(world, x)) } : {}),
  };
}
