import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

// After a change to rows: every reconciliation query (lists, summary, open rows and their history) and the
// audit log are refetched.
export function invalidateRows(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.reconciliation }),
    client.invalidateQueries({ queryKey: queryKeys.audit }),
  ]);
}

export function rowsWord(n: number): string {
  return n === 1 ? '1 row' : `${n} rows`;
}
