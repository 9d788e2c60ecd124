import { ConditionError } from './lexer';
import type { Expr, Literal } from './parser';

type Json = Record<string, unknown>;

// Looks a condition field up in a serialized record. `lastUpdated` etc. fall back to `_info/…` (CW accepts both
// forms), and `x/id` falls back to `xId` (e.g. `agreement/id` on an addition, which carries `agreementId`).
// `undefined` = the field does not exist on this resource, which CW answers with a 400.
export function resolveField(record: Json, path: string): unknown {
  const walk = (parts: string[]): unknown => {
    let node: unknown = record;
    for (const part of parts) {
      if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
      node = (node as Json)[part]; // checked to be a non-null object just above
    }
    return node;
  };
  const parts = path.split('/');
  const direct = walk(parts);
  if (direct !== undefined) return direct;
  const info = walk(['_info', ...parts]);
  if (info !== undefined) return info;
  if (parts.length === 2 && parts[1] === 'id') return walk([`${parts[0] ?? ''}Id`]);
  return undefined;
}

function likeRegex(pattern: string): RegExp {
  const body = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${body}$`, 'is');
}

function order(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Strings compare case-insensitively: CW runs conditions in SQL Server, whose default collation ignores case.
function compare(field: string, actual: unknown, op: string, literal: Literal): boolean {
  if (literal.type === 'null') {
    if (op === '=') return actual === null;
    if (op === '!=') return actual !== null;
    throw new ConditionError(`operator ${op} cannot be used with null on '${field}'`);
  }
  if (actual === null) return false;
  let left: number | string | boolean;
  let right: number | string | boolean;
  if (literal.type === 'date' && typeof actual === 'string' && !Number.isNaN(Date.parse(actual))) {
    [left, right] = [Date.parse(actual), literal.value];
  } else if (literal.type === 'string' && typeof actual === 'string') {
    [left, right] = [actual.toLowerCase(), literal.value.toLowerCase()];
  } else if (
    (literal.type === 'number' && typeof actual === 'number') ||
    (literal.type === 'boolean' && typeof actual === 'boolean')
  ) {
    [left, right] = [actual, literal.value];
  } else {
    throw new ConditionError(`cannot compare '${field}' with a ${literal.type} value`);
  }
  if (op === 'contains' || op === 'like') {
    if (typeof left !== 'string' || typeof right !== 'string') {
      throw new ConditionError(`'${op}' needs a string on '${field}'`);
    }
    return op === 'contains' ? left.includes(right) : likeRegex(right).test(left);
  }
  if (op === '=') return left === right;
  if (op === '!=') return left !== right;
  if (typeof left === 'boolean' || typeof right === 'boolean') {
    throw new ConditionError(`operator ${op} cannot be used on boolean '${field}'`);
  }
  const c = order(left, right);
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

// Throws ConditionError for unknown fields and type mismatches even when an earlier `and` term is already false,
// so a bad condition fails on every record set (as a server-side SQL translation would), not only on some.
export function matches(expr: Expr, record: Json): boolean {
  switch (expr.kind) {
    case 'and': {
      const [l, r] = [matches(expr.left, record), matches(expr.right, record)];
      return l && r;
    }
    case 'or': {
      const [l, r] = [matches(expr.left, record), matches(expr.right, record)];
      return l || r;
    }
    case 'not':
      return !matches(expr.expr, record);
    case 'cmp': {
      const actual = resolveField(record, expr.field);
      if (actual === undefined) throw new ConditionError(`unknown field '${expr.field}'`);
      const values = Array.isArray(expr.value) ? expr.value : [expr.value];
      const hit = values.some((v) => compare(expr.field, actual, expr.op === 'in' ? '=' : expr.op, v));
      return expr.negated ? !hit : hit;
    }
  }
}
