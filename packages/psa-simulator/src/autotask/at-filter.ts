import { AtError } from './at-error';

export type Json = Record<string, unknown>;

const LEAF_OPS = [
  'eq',
  'noteq',
  'gt',
  'gte',
  'lt',
  'lte',
  'beginsWith',
  'endsWith',
  'contains',
  'exist',
  'notExist',
  'in',
  'notIn',
] as const;
export type LeafOp = (typeof LEAF_OPS)[number];

export type Condition =
  { kind: 'leaf'; op: LeafOp; field: string; value: unknown } | { kind: 'group'; op: 'and' | 'or'; items: Condition[] };

// Autotask allows at most 500 OR conditions (fact sheet 3.2); an `in` list is a run of ORs, so it is held to it too.
export const MAX_OR_CONDITIONS = 500;

interface Scope {
  entity: string;
  // Canonical field names by lower-case name: Autotask matches field names case-insensitively.
  fields: Map<string, string>;
}

export function fieldIndex(fields: Iterable<string>): Map<string, string> {
  return new Map([...fields].map((f) => [f.toLowerCase(), f]));
}

// The `filter` of a query body: an array of conditions (all must hold), each a leaf {op, field, value} or a group
// {op: "and"|"or", items: [...]}. Field names resolve to the entity's own spelling; an unknown field, operator or
// a malformed condition is a 400 even when no record would be compared.
export function parseFilter(raw: unknown, entity: string, fields: Map<string, string>): Condition {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw AtError.badRequest('filter is required: an array of at least one condition.');
  }
  return { kind: 'group', op: 'and', items: raw.map((item) => parseCondition(item, { entity, fields })) };
}

function parseCondition(raw: unknown, scope: Scope): Condition {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw AtError.badRequest('Each filter condition must be an object.');
  }
  const c = raw as Json;
  const op = typeof c['op'] === 'string' ? c['op'].toLowerCase() : '';
  if (op === 'and' || op === 'or') return parseGroup(op, c['items'], scope);
  const leafOp = LEAF_OPS.find((o) => o.toLowerCase() === op);
  if (leafOp === undefined) throw AtError.badRequest(`Unknown filter operator '${String(c['op'])}'.`);
  const name = typeof c['field'] === 'string' ? c['field'] : '';
  const field = scope.fields.get(name.toLowerCase());
  if (field === undefined) {
    throw AtError.badRequest(`Unable to find ${name || '(no field)'} in the ${scope.entity} entity.`);
  }
  const value = c['value'];
  if (leafOp === 'in' || leafOp === 'notIn') checkList(leafOp, value);
  else if (leafOp !== 'exist' && leafOp !== 'notExist' && value === undefined) {
    throw AtError.badRequest(`The ${leafOp} condition on ${field} needs a value.`);
  }
  return { kind: 'leaf', op: leafOp, field, value };
}

function parseGroup(op: 'and' | 'or', items: unknown, scope: Scope): Condition {
  if (!Array.isArray(items) || items.length === 0) {
    throw AtError.badRequest(`An '${op}' condition needs a non-empty items array.`);
  }
  if (op === 'or' && items.length > MAX_OR_CONDITIONS) {
    throw AtError.badRequest(`An 'or' condition may hold at most ${MAX_OR_CONDITIONS} items.`);
  }
  return { kind: 'group', op, items: items.map((item) => parseCondition(item, scope)) };
}

function checkList(op: string, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0) throw AtError.badRequest(`The ${op} condition needs a value list.`);
  if (value.length > MAX_OR_CONDITIONS) {
    throw AtError.badRequest(`The ${op} condition may list at most ${MAX_OR_CONDITIONS} values.`);
  }
}

export function matches(condition: Condition, record: Json): boolean {
  if (condition.kind === 'group') {
    return condition.op === 'and'
      ? condition.items.every((c) => matches(c, record))
      : condition.items.some((c) => matches(c, record));
  }
  return leafMatches(condition.op, condition.field, record[condition.field], condition.value);
}

function leafMatches(op: LeafOp, field: string, actual: unknown, wanted: unknown): boolean {
  const present = actual !== null && actual !== undefined && actual !== '';
  switch (op) {
    case 'exist':
      return present;
    case 'notExist':
      return !present;
    case 'in':
      return (wanted as unknown[]).some((w) => compare(field, actual, w) === 0);
    case 'notIn':
      return !(wanted as unknown[]).some((w) => compare(field, actual, w) === 0);
    case 'eq':
      return compare(field, actual, wanted) === 0;
    case 'noteq':
      return compare(field, actual, wanted) !== 0;
    case 'beginsWith':
    case 'endsWith':
    case 'contains':
      return textMatches(op, actual, wanted);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return ordered(op, compare(field, actual, wanted));
  }
}

function ordered(op: 'gt' | 'gte' | 'lt' | 'lte', order: number | null): boolean {
  if (order === null) return false;
  if (op === 'gt') return order > 0;
  if (op === 'gte') return order >= 0;
  if (op === 'lt') return order < 0;
  return order <= 0;
}

function textMatches(op: 'beginsWith' | 'endsWith' | 'contains', actual: unknown, wanted: unknown): boolean {
  if (typeof actual !== 'string') return false;
  const [a, w] = [actual.toLowerCase(), textOf(wanted).toLowerCase()];
  if (op === 'beginsWith') return a.startsWith(w);
  if (op === 'endsWith') return a.endsWith(w);
  return a.includes(w);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

// Autotask dates without a zone are UTC (fact sheet 3.2); a date alone is its midnight.
export function dateMs(text: string): number {
  if (!/[T ]/.test(text)) return Date.parse(`${text}T00:00:00Z`);
  const iso = text.replace(' ', 'T');
  return Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
}

// Three-way order of a record's value against a filter value, by the record value's type: numbers (a numeric
// string is accepted), booleans, ISO dates (by instant), other strings case-insensitively. null when the two
// cannot be ordered (a null field); a value of the wrong type for the field is a 400.
export function compare(field: string, actual: unknown, wanted: unknown): number | null {
  if (actual === null || actual === undefined) return wanted === null ? 0 : null;
  if (wanted === null) return null;
  if (typeof actual === 'number') return actual - numberOf(field, wanted);
  if (typeof actual === 'boolean') return Number(actual) - Number(booleanOf(field, wanted));
  if (typeof actual !== 'string') return null;
  if (ISO_DATE.test(actual) && typeof wanted === 'string' && ISO_DATE.test(wanted)) {
    return dateMs(actual) - dateMs(wanted);
  }
  const [a, w] = [actual.toLowerCase(), textOf(wanted).toLowerCase()];
  return a < w ? -1 : a > w ? 1 : 0;
}

function numberOf(field: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw AtError.badRequest(`The value ${JSON.stringify(value)} is not valid for the numeric field ${field}.`);
  }
  return n;
}

function booleanOf(field: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw AtError.badRequest(`The value ${JSON.stringify(value)} is not valid for the boolean field ${field}.`);
}

function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}
