// Splits a list into consecutive slices of at most `size` items: bulk writes and `$in` reads are sent
// in bounded batches (server message limits, and FerretDB's cost per operation).
export function chunks<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
