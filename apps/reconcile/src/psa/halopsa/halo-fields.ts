import { z } from 'zod';

// Every HaloPSA wire name the adapter uses, in one place. The fact sheet (3.3) attests the token endpoint, the
// resources, `includelines` and the paging parameters; the envelope keys come from the HaloAPI PowerShell module;
// names marked [unconfirmed] are this adapter's choice (README.md) and change here only.
export const HALO = {
  tokenPath: '/token',
  resource: { client: '/Client', item: '/Item', invoice: '/RecurringInvoice' },
  envelope: { client: 'clients', item: 'items', invoice: 'invoices' },
  paging: { on: 'pageinate', size: 'page_size', number: 'page_no', total: 'record_count' },
  filter: { client: 'client_id', lines: 'includelines', inactive: 'includeinactive' },
  // [unconfirmed] item price, invoice name and currency.
  item: { name: 'name', code: 'code', price: 'baseprice' },
  invoice: { client: 'client_id', name: 'reference', inactive: 'inactive', currency: 'currency_code', lines: 'lines' },
  // [unconfirmed] every line field but `id`: the quantity is `qty_order`.
  line: { id: 'id', item: 'item_id', quantity: 'qty_order', unitPrice: 'unit_price', startDate: 'start_date' },
} as const;

export interface HaloClient {
  id: number;
  name: string;
}
export interface HaloItem {
  id: number;
  name: string;
  code: string | null;
  price: number | null;
}
export interface HaloLine {
  id: number;
  itemId: number;
  quantity: number;
  unitPrice: number | null;
}
export interface HaloInvoice {
  id: number;
  clientId: number;
  name: string;
  inactive: boolean;
  currency: string | null;
  // Null when the answer carried no lines (a list without includelines).
  lines: HaloLine[] | null;
}

const id = z.number().int();
const optionalText = z.string().nullable().optional();

export const haloTokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

export const haloClientSchema = z
  .object({ id, name: z.string() })
  .transform((c): HaloClient => ({ id: c.id, name: c.name }));

export const haloItemSchema = z
  .object({
    id,
    [HALO.item.name]: z.string(),
    [HALO.item.code]: optionalText,
    [HALO.item.price]: z.number().nullable().optional(),
  })
  .transform((i): HaloItem => ({
    id: i.id,
    name: i[HALO.item.name],
    code: i[HALO.item.code] ?? null,
    price: i[HALO.item.price] ?? null,
  }));

// Halo quantities may be decimal; seats are whole, so they are rounded (never below 0).
export const haloLineSchema = z
  .object({
    [HALO.line.id]: id,
    [HALO.line.item]: id,
    [HALO.line.quantity]: z.number(),
    [HALO.line.unitPrice]: z.number().nullable().optional(),
  })
  .transform((l): HaloLine => ({
    id: l[HALO.line.id],
    itemId: l[HALO.line.item],
    quantity: Math.max(0, Math.round(l[HALO.line.quantity])),
    unitPrice: l[HALO.line.unitPrice] ?? null,
  }));

export const haloInvoiceSchema = z
  .object({
    id,
    [HALO.invoice.client]: id,
    [HALO.invoice.name]: optionalText,
    [HALO.invoice.inactive]: z.boolean().nullable().optional(),
    [HALO.invoice.currency]: optionalText,
    [HALO.invoice.lines]: z.array(haloLineSchema).nullable().optional(),
  })
  .transform((r): HaloInvoice => ({
    id: r.id,
    clientId: r[HALO.invoice.client],
    name: r[HALO.invoice.name] ?? `Recurring invoice ${r.id}`,
    inactive: r[HALO.invoice.inactive] === true,
    currency: r[HALO.invoice.currency] ?? null,
    lines: r[HALO.invoice.lines] ?? null,
  }));

const totalSchema = z.object({ [HALO.paging.total]: z.number().int().nullable().optional() });

// A list answer {record_count, <key>: [...]}, or null when it is not one; the items are validated one by one by
// the caller (for a message naming which).
export function envelopeOf(value: unknown, key: string): { total: number | null; items: unknown[] } | null {
  const parsed = totalSchema.safeParse(value);
  if (!parsed.success) return null;
  const items = (value as Record<string, unknown>)[key]; // an object: the schema above accepted it
  return Array.isArray(items) ? { total: parsed.data[HALO.paging.total] ?? null, items } : null;
}

type Body = Record<string, unknown>;

// A line as it stands, sent back beside a changed or new one so a Halo that replaces an invoice's lines with the
// posted ones keeps them (README.md: posting lines).
export function keptLine(l: HaloLine): Body {
  return {
    [HALO.line.id]: l.id,
    [HALO.line.item]: l.itemId,
    [HALO.line.quantity]: l.quantity,
    ...(l.unitPrice === null ? {} : { [HALO.line.unitPrice]: l.unitPrice }),
  };
}

export function changedLine(l: HaloLine, quantity: number, startDate: string | null): Body {
  return { ...keptLine(l), [HALO.line.quantity]: quantity, ...startOf(startDate) };
}

// No id: Halo creates the line; no price: the item's.
export function newLine(itemId: number, quantity: number, startDate: string | null): Body {
  return { [HALO.line.item]: itemId, [HALO.line.quantity]: quantity, ...startOf(startDate) };
}

const startOf = (date: string | null): Body => (date === null ? {} : { [HALO.line.startDate]: date });

// Halo updates by POSTing the object(s) with their id to the collection (fact sheet 3.3).
export function invoiceUpdate(invoiceId: number, lines: Body[]): Body[] {
  return [{ id: invoiceId, [HALO.invoice.lines]: lines }];
}
