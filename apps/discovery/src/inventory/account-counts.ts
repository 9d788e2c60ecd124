import type { mongo } from 'mongoose';

// Every account or one: the account summary is the one explicitly cross-tenant read.
export interface AccountsScope {
  accountId?: string;
}

export interface AccountCount {
  accountId: string;
  // The document's status when counted per status, else null.
  status: string | null;
  n: number;
}

// Documents per account (and per status when `byStatus`), with $group + $sum only (what FerretDB offers).
export async function countPerAccount<D extends mongo.Document>(
  collection: mongo.Collection<D>,
  match: mongo.Filter<D>,
  byStatus = false,
): Promise<AccountCount[]> {
  const _id = byStatus ? { accountId: '$accountId', kind: '$status' } : '$accountId';
  const rows = await collection
    .aggregate<{ _id: string | { accountId: string; kind: string | null }; n: number }>([
      { $match: match },
      { $group: { _id, n: { $sum: 1 } } },
    ])
    .toArray();
  return rows.map(({ _id: key, n }) =>
    typeof key === 'string' ? { accountId: key, status: null, n } : { accountId: key.accountId, status: key.kind, n },
  );
}
