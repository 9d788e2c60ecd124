import type { Addition } from '../data/model';
import { CwError, type FieldError } from '../errors';

const RESOURCE = 'agreementAddition';

type Field = keyof Addition;
type Check = (value: unknown) => unknown; // returns the value to store, or throws ValueError

class ValueError extends Error {}
function bad(message: string): never {
  throw new ValueError(message);
}

const finite: Check = (v) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) bad('must be a number');
  return v;
};
const text =
  (max: number): Check =>
  (v) => {
    if (typeof v !== 'string' || v.length > max) bad(`must be a string of at most ${max} characters`);
    return v;
  };
const date: Check = (v) => {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) bad('must be an ISO-8601 date');
  return Math.floor(Date.parse(v) / 1000) * 1000;
};

// The patchable subset of an addition. `remove` is allowed only where the field may be empty.
const FIELDS: Partial<Record<Field, { check: Check; empty?: unknown }>> = {
  quantity: { check: finite },
  lessIncluded: { check: finite, empty: 0 },
  unitPrice: { check: finite },
  unitCost: { check: finite },
  description: { check: text(60), empty: '' },
  invoiceDescription: { check: text(6000), empty: '' },
  taxableFlag: {
    check: (v) => {
      if (typeof v !== 'boolean') bad('must be true or false');
      return v;
    },
  },
  billCustomer: {
    check: (v) => {
      if (v !== 'Billable' && v !== 'DoNotBill' && v !== 'NoCharge') bad('must be Billable, DoNotBill or NoCharge');
      return v;
    },
  },
  effectiveDate: { check: date },
  cancelledDate: { check: (v) => (v === null ? null : date(v)), empty: null },
};

const READ_ONLY = new Set([
  'id',
  'agreementId',
  'product',
  '_info',
  'extPrice',
  'extCost',
  'billedQuantity',
  'agreementStatus',
  'uom',
]);

function fieldError(code: string, field: string, message: string): FieldError {
  return { code, message: `${field} ${message}`, resource: RESOURCE, field };
}

// Applies a JSON-Patch body (fact sheet 3.1: an array of {op, path, value}, paths with or without "/") to a copy
// of the addition's fields. All operations are checked before anything changes, so a bad patch changes nothing.
export function patchAddition(body: unknown): Partial<Addition> {
  if (!Array.isArray(body) || body.length === 0) {
    throw CwError.badRequest('The request body must be a non-empty JSON array of patch operations.');
  }
  const changes: Partial<Record<Field, unknown>> = {};
  const errors: FieldError[] = [];
  for (const [i, raw] of (body as unknown[]).entries()) {
    if (typeof raw !== 'object' || raw === null) throw CwError.badRequest(`Patch operation ${i} is not an object.`);
    const operation = raw as Record<string, unknown>; // checked to be a non-null object just above
    const { op, path } = operation;
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw CwError.badRequest(`Patch operation ${i}: op must be add, replace or remove.`);
    }
    if (typeof path !== 'string' || path.replace(/^\//, '') === '') {
      throw CwError.badRequest(`Patch operation ${i}: path is required.`);
    }
    const name = path.replace(/^\//, '');
    const spec = FIELDS[name as Field];
    if (!spec) {
      errors.push(
        fieldError(
          READ_ONLY.has(name) ? 'ReadOnly' : 'InvalidField',
          name,
          READ_ONLY.has(name) ? 'cannot be changed' : 'is not a field of this object',
        ),
      );
      continue;
    }
    if (op === 'remove') {
      if ('empty' in spec) changes[name as Field] = spec.empty;
      else errors.push(fieldError('Required', name, 'is required'));
      continue;
    }
    if (!('value' in operation)) throw CwError.badRequest(`Patch operation ${i}: value is required for ${op}.`);
    try {
      changes[name as Field] = spec.check(operation['value']);
    } catch (problem) {
      if (!(problem instanceof ValueError)) throw problem;
      errors.push(fieldError('InvalidField', name, problem.message));
    }
  }
  if (errors.length > 0) throw CwError.invalidObject(RESOURCE, errors);
  return changes as Partial<Addition>; // every key was validated against FIELDS above
}
