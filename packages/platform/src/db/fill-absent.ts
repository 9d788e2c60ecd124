type Plain = Record<string, unknown>;

// FerretDB 1.x drops fields written as null (on insert and in $setOnInsert), and documents written by
// an older version lack newer fields: a read fills every absent field from the collection's declared
// defaults, nested plain objects included. Present values, null included, are kept.
export function fillAbsent<D extends object>(defaults: Partial<D>, doc: D): D;
export function fillAbsent<D extends object>(defaults: Partial<D>, doc: D | null): D | null;
export function fillAbsent<D extends object>(defaults: Partial<D>, doc: D | null): D | null {
  if (doc === null) return null;
  return merge(defaults, doc as Plain) as D;
}

function merge(defaults: Plain, doc: Plain): Plain {
  const out: Plain = { ...doc };
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = out[key];
    if (value === undefined) out[key] = fallback;
    else if (isPlain(fallback) && isPlain(value)) out[key] = merge(fallback, value);
  }
  return out;
}

function isPlain(value: unknown): value is Plain {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}
