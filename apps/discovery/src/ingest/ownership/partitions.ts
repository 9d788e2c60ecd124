// Accounts are shared among discovery replicas in a fixed number of partitions (#18): every write of an account's
// inventory documents (services, users, usage rows, day counts) and of its users' profiles comes from the replica
// holding the account's partition lease. A hash, not a lease per account: discovery learns accounts from the
// events themselves, and a handful of partitions keeps the lease rounds small.
export const PARTITION_PREFIX = 'partition:';

export function partitionLeaseId(partition: number): string {
  return `${PARTITION_PREFIX}${partition}`;
}

// FNV-1a over the account id's UTF-16 code units: stable across processes and versions (never Node's hash seed).
export function partitionOf(accountId: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < accountId.length; i++) {
    hash ^= accountId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

// The items grouped by partition, each group in the order given (a users snapshot's end marker stays after its
// records).
export function byPartition<T>(
  items: readonly T[],
  accountOf: (item: T) => string,
  partitions: number,
): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const p = partitionOf(accountOf(item), partitions);
    const group = out.get(p) ?? [];
    group.push(item);
    out.set(p, group);
  }
  return out;
}
