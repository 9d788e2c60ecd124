import { AppError } from '@seatwise/shared/errors/app-error';
import type { PsaAdditionRecord } from '../psa-adapter';
import type { AtContractService, AtUnit } from './at-schemas';

export type Filter = Record<string, unknown>;

// Autotask allows at most 500 OR conditions (fact sheet 3.2); an `in` list is held to that, so long lists are
// asked for in several queries.
export const MAX_IN = 500;

export const eq = (field: string, value: unknown): Filter => ({ op: 'eq', field, value });
export const gte = (field: string, value: unknown): Filter => ({ op: 'gte', field, value });
export const lte = (field: string, value: unknown): Filter => ({ op: 'lte', field, value });

export function inChunks(field: string, values: readonly number[]): Filter[] {
  const out: Filter[] = [];
  for (let i = 0; i < values.length; i += MAX_IN) out.push({ op: 'in', field, value: values.slice(i, i + MAX_IN) });
  return out;
}

// The date a change takes effect, as Autotask keeps date-only fields: midnight UTC (fact sheet 3.2). Null is today.
export function effectiveDay(iso: string | null, now: number): string {
  const ms = iso === null ? now : Date.parse(iso);
  if (Number.isNaN(ms)) throw new AppError('RECONCILE.PSA_REQUEST_INVALID', `effectiveDate ${iso ?? ''} is not a date`);
  return `${new Date(ms).toISOString().slice(0, 10)}T00:00:00.000Z`;
}

export function numericId(raw: string, what: string): number {
  if (!/^\d{1,12}$/.test(raw)) {
    throw new AppError('RECONCILE.PSA_REQUEST_INVALID', `${what} id ${raw} is not an Autotask id`);
  }
  return Number(raw);
}

function ms(date: string): number {
  if (!date.includes('T')) return Date.parse(`${date}T00:00:00Z`);
  return Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/.test(date) ? date : `${date}Z`);
}

// Units by contract service on `day`: the period that holds it (Autotask dates without a zone are UTC).
export function unitsOn(units: readonly AtUnit[], day: string): Map<number, number> {
  const at = ms(day);
  const out = new Map<number, number>();
  for (const u of units) if (ms(u.startDate) <= at && at <= ms(u.endDate)) out.set(u.contractServiceID, u.units);
  return out;
}

// A contract service with the units it bills on the change's day (null: no period holds the day, it is not billing).
export interface Line {
  service: AtContractService;
  units: number | null;
}
export type ActiveLine = Line & { units: number };

export function byContractThenId(a: Line, b: Line): number {
  return a.service.contractID - b.service.contractID || a.service.id - b.service.id;
}

// Gradient's rule: lines of one product add up, the change goes to the first active line (lowest contract id, then
// line id), which is set so that all lines add up to the quantity (never below 0).
export function planQuantity(
  active: readonly ActiveLine[],
  quantity: number,
): { first: ActiveLine; others: number; target: number } {
  const [first, ...rest] = [...active].sort(byContractThenId);
  if (!first) throw new Error('planQuantity needs at least one active line');
  const others = rest.reduce((n, l) => n + l.units, 0);
  return { first, others, target: Math.max(0, quantity - others) };
}

// A contract service as the port's addition: quantity = the units it bills on the day read (none: 0, and the
// line is not billing, i.e. cancelled); its price = adjustedPrice, else unitPrice. Contract services carry no
// modification time.
export function toAddition(service: AtContractService, units: number | null): PsaAdditionRecord {
  return {
    externalId: String(service.id),
    agreementExternalId: String(service.contractID),
    productExternalId: String(service.serviceID),
    quantity: Math.max(0, Math.round(units ?? 0)),
    unitPrice: service.adjustedPrice ?? service.unitPrice ?? null,
    cancelled: units === null,
    lastUpdated: null,
  };
}
