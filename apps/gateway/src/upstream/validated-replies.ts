import { z } from 'zod';

// Replies RpcClient has already parsed by their RPC's response schema, so that the response interceptor need
// not parse a page of items a second time when its route promises the same shape (measured: the second parse
// of a 50-item page was about a tenth of the gateway's time per list request). Keyed by the reply object
// itself: anything a handler builds from a reply (a copy, a filtered page) is a new object and is parsed.
const validated = new WeakMap<object, z.ZodType>();

export function recordValidated(reply: unknown, schema: z.ZodType): void {
  if (typeof reply === 'object' && reply !== null) validated.set(reply, schema);
}

// True when `value` is a reply already parsed by a schema that accepts and outputs exactly what `schema`
// would: the same schema, or a page (pageOf) of the very same item schema.
export function alreadySatisfies(value: unknown, schema: z.ZodType): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const by = validated.get(value);
  return by !== undefined && sameContract(by, schema);
}

const verdicts = new WeakMap<z.ZodType, WeakMap<z.ZodType, boolean>>();

// Cached per pair of schemas: route and RPC schemas are built once, at startup.
export function sameContract(a: z.ZodType, b: z.ZodType): boolean {
  if (a === b) return true;
  let byB = verdicts.get(a);
  if (!byB) verdicts.set(a, (byB = new WeakMap()));
  let verdict = byB.get(b);
  if (verdict === undefined) byB.set(b, (verdict = samePage(a, b)));
  return verdict;
}

// pageOf(item) builds a new object schema at each call: two of them over the same item schema are the same
// contract. Anything else (other fields, a cursor with checks, a strict or passthrough object) is not.
function samePage(a: z.ZodType, b: z.ZodType): boolean {
  const left = pageItem(a);
  return left !== null && left === pageItem(b);
}

function pageItem(schema: z.ZodType): z.ZodType | null {
  if (!(schema instanceof z.ZodObject) || schema.def.catchall !== undefined || schema.def.checks !== undefined) {
    return null;
  }
  const shape = schema.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  if (keys.length !== 2) return null;
  const { items, nextCursor } = shape;
  if (!(items instanceof z.ZodArray) || items.def.checks !== undefined) return null;
  if (!(nextCursor instanceof z.ZodNullable)) return null;
  const cursor = nextCursor.unwrap();
  if (!(cursor instanceof z.ZodString) || cursor.def.checks !== undefined) return null;
  return items.element as z.ZodType;
}
