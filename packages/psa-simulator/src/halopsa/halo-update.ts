import { nextStamp, type Addition, type Agreement, type World } from '../data/model';
import { addLine, type NewLine } from '../data/mutations';
import { HaloError, type HaloFieldError } from './halo-errors';
import { LINE, servedLines } from './halo-serialize';

type Obj = Record<string, unknown>;

interface LineChange {
  line: Addition;
  quantity?: number;
  unitPrice?: number;
  effectiveDate?: number;
}

export interface UpdatePlan {
  invoices: Agreement[];
  changes: LineChange[];
  creates: NewLine[];
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

// Collects every problem of one POST body before anything changes, so a 400 leaves the world as it was.
class Problems {
  readonly list: HaloFieldError[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
}

function quantityOf(line: Obj, at: string, problems: Problems): number | undefined {
  const v = line[LINE.quantity];
  if (v === undefined) return undefined;
  if (!isWhole(v) || v < 0) problems.add(`${at}.${LINE.quantity}`, `${LINE.quantity} must be a whole number ≥ 0.`);
  return v as number;
}

function priceOf(line: Obj, at: string, problems: Problems): number | undefined {
  const v = line[LINE.unitPrice];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    problems.add(`${at}.${LINE.unitPrice}`, `${LINE.unitPrice} must be a number ≥ 0.`);
  }
  return v as number;
}

function dateOf(line: Obj, at: string, problems: Problems): number | undefined {
  const v = line[LINE.startDate];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) {
    problems.add(`${at}.${LINE.startDate}`, `${LINE.startDate} must be an ISO-8601 date.`);
    return undefined;
  }
  return Math.floor(Date.parse(v) / 1000) * 1000;
}

// A line with an id changes that line of this invoice; the item cannot change.
function existingLine(invoice: Agreement, line: Obj, at: string, problems: Problems): LineChange | null {
  const id = line[LINE.id];
  const current = servedLines(invoice).find((x) => x.id === id);
  if (!current) {
    problems.add(`${at}.${LINE.id}`, `Line ${JSON.stringify(id)} is not a line of recurring invoice ${invoice.id}.`);
    return null;
  }
  const item = line[LINE.item];
  if (item !== undefined && item !== current.productId) {
    problems.add(`${at}.${LINE.item}`, `The item of line ${current.id} cannot change.`);
  }
  return {
    line: current,
    quantity: quantityOf(line, at, problems),
    unitPrice: priceOf(line, at, problems),
    effectiveDate: dateOf(line, at, problems),
  };
}

// A line without an id (or with id 0) is a new line: item_id required, qty_order defaulting to 1.
function newLine(world: World, invoice: Agreement, line: Obj, at: string, problems: Problems): NewLine {
  const item = line[LINE.item];
  if (!isWhole(item) || !world.productById.has(item)) {
    problems.add(`${at}.${LINE.item}`, `${LINE.item} must name an existing item.`);
  }
  return {
    agreementId: invoice.id,
    productId: isWhole(item) ? item : 0,
    quantity: quantityOf(line, at, problems) ?? 1,
    unitPrice: priceOf(line, at, problems),
    effectiveDate: dateOf(line, at, problems) ?? Date.now(),
  };
}

// One line of a posted invoice: no id (or id 0) is a new line, an id changes that line (once per body).
function planLine(world: World, invoice: Agreement, line: unknown, where: string, plan: UpdatePlan, p: Problems): void {
  if (!isObj(line)) {
    p.add(where, 'A line must be an object.');
    return;
  }
  const id = line[LINE.id];
  if (id === undefined || id === null || id === 0) {
    plan.creates.push(newLine(world, invoice, line, where, p));
    return;
  }
  if (plan.changes.some((c) => c.line.id === id)) {
    p.add(`${where}.${LINE.id}`, `Line ${JSON.stringify(id)} appears twice.`);
    return;
  }
  const change = existingLine(invoice, line, where, p);
  if (change) plan.changes.push(change);
}

// One posted invoice: it must exist (once per body), keep its client, and be active to take lines.
function planInvoice(world: World, entry: unknown, at: string, plan: UpdatePlan, p: Problems): void {
  if (!isObj(entry)) {
    p.add(at, 'A recurring invoice must be an object.');
    return;
  }
  const invoice = isWhole(entry['id']) ? world.agreementById.get(entry['id']) : undefined;
  if (!invoice || plan.invoices.includes(invoice)) {
    const why = invoice ? 'appears twice' : 'was not found';
    p.add(`${at}.id`, `Recurring invoice ${JSON.stringify(entry['id'])} ${why}.`);
    return;
  }
  plan.invoices.push(invoice);
  if (entry['client_id'] !== undefined && entry['client_id'] !== invoice.companyId) {
    p.add(`${at}.client_id`, 'The client of a recurring invoice cannot change.');
  }
  const lines = entry['lines'];
  if (lines === undefined) return;
  if (!Array.isArray(lines)) {
    p.add(`${at}.lines`, 'lines must be an array.');
  } else if (lines.length > 0 && invoice.cancelled) {
    p.add(at, `Recurring invoice ${invoice.id} is inactive.`);
  } else {
    lines.forEach((line: unknown, j) => {
      planLine(world, invoice, line, `${at}.lines[${j}]`, plan, p);
    });
  }
}

// Validates a POST /api/RecurringInvoice body (fact sheet 3.3: Halo updates by POSTing objects with their id): a
// JSON array of invoices, each naming an existing invoice; only its lines are written. Creating invoices is not
// simulated. Throws a 400 naming every problem.
export function planUpdate(world: World, body: unknown): UpdatePlan {
  if (!Array.isArray(body) || body.length === 0) {
    throw HaloError.badRequest('The body must be a non-empty JSON array of recurring invoice objects.');
  }
  const plan: UpdatePlan = { invoices: [], changes: [], creates: [] };
  const problems = new Problems();
  body.forEach((entry: unknown, i) => {
    planInvoice(world, entry, `[${i}]`, plan, problems);
  });
  if (problems.list.length > 0) throw HaloError.badRequest('The recurring invoice is invalid.', problems.list);
  return plan;
}

// Applies a validated plan: a changed line is stamped (lastUpdated, updatedBy); an unchanged one is left alone;
// new lines go through addLine like every dialect's create.
export function applyUpdate(world: World, plan: UpdatePlan, now: number, by: string): number {
  for (const { line, ...next } of plan.changes) {
    const values = {
      quantity: next.quantity ?? line.quantity,
      unitPrice: next.unitPrice ?? line.unitPrice,
      effectiveDate: next.effectiveDate ?? line.effectiveDate,
    };
    const same =
      values.quantity === line.quantity &&
      values.unitPrice === line.unitPrice &&
      values.effectiveDate === line.effectiveDate;
    if (!same) Object.assign(line, values, { lastUpdated: nextStamp(world, now), updatedBy: by });
  }
  for (const line of plan.creates) addLine(world, line, now, by);
  return plan.creates.length;
}
