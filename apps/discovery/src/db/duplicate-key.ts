// MongoDB (and FerretDB) report a unique-index violation as code 11000.
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

interface WriteErrorLike {
  code?: unknown;
  index?: unknown;
}

// An unordered bulk write that failed only on duplicate keys did everything else; with the guarded
// upserts used here a duplicate key means "this document already has this batch", which is success.
// Returns the failed operation indexes, or throws when any failure is not a duplicate key.
export function duplicateKeyIndexes(error: unknown): Set<number> {
  const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  const list: WriteErrorLike[] = Array.isArray(writeErrors) ? (writeErrors as WriteErrorLike[]) : writeErrors ? [writeErrors] : [];
  if (list.length === 0 || list.some((e) => e.code !== 11000 && (e as { err?: { code?: unknown } }).err?.code !== 11000)) throw error;
  return new Set(list.map((e) => Number(e.index)));
}
