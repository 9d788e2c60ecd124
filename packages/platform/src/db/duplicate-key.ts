const DUPLICATE_KEY = 11000;

// MongoDB (and FerretDB) report a unique-index violation as code 11000.
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

interface WriteErrorLike {
  code?: unknown;
  index?: unknown;
  err?: { code?: unknown };
}

// An unordered bulk write that failed only on duplicate keys did everything else. Returns the indexes
// of the operations that hit a duplicate key, or rethrows when any failure is something else.
export function duplicateKeyIndexes(error: unknown): Set<number> {
  const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  const list: WriteErrorLike[] = Array.isArray(writeErrors)
    ? (writeErrors as WriteErrorLike[])
    : writeErrors
      ? [writeErrors]
      : [];
  if (list.length === 0 || list.some((e) => e.code !== DUPLICATE_KEY && e.err?.code !== DUPLICATE_KEY)) throw error;
  return new Set(list.map((e) => Number(e.index)));
}

// Two writers upserting the same new document at once: on FerretDB 1.24 the loser fails with a duplicate key
// (MongoDB retries such an upsert itself); tried again, it finds the document and updates it.
export async function retriedOnDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return write();
  }
}
