import { pageInMemory } from '@seatwise/platform/db/find-page';
import type { Page } from '@seatwise/shared/contracts/page';
import { Pager } from './pager';

export interface ListQuery {
  format?: 'json' | 'csv' | undefined;
  limit: number;
  cursor?: string | undefined;
}

type Present<T> = { [K in keyof T]: Exclude<T[K], undefined> };

export type UpstreamListRequest<Q extends ListQuery> = Present<Omit<Q, 'format' | 'limit' | 'cursor'>> & {
  limit: number;
  cursor?: string;
};

// A query as an upstream request: the keys the client left out are absent, not undefined.
export function withoutAbsent<T extends object>(query: T): Present<T> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Present<T>;
}

// A list the service behind the gateway pages itself: the query's filters go upstream with each page
// asked for (the first, or the next ones of a CSV export); the gateway's own format stays here.
export function upstreamPager<Q extends ListQuery, T>(
  query: Q,
  fetch: (request: UpstreamListRequest<Q>) => Promise<Page<T>>,
): Pager<T> {
  const { format: _format, limit: _limit, cursor: _cursor, ...filters } = query;
  const request = (cursor: string | undefined, limit: number): UpstreamListRequest<Q> => ({
    ...withoutAbsent(filters),
    limit,
    ...(cursor === undefined ? {} : { cursor }),
  });
  return new Pager((cursor, limit) => fetch(request(cursor, limit)), query);
}

interface WholeList<T> {
  load: () => Promise<readonly T[]>;
  // Keeps the items equal to every filter given; an absent filter keeps all.
  where?: Partial<T>;
  // A unique key: the list's order, and what its cursors point at.
  keyOf: (item: T) => string;
}

// A list the service behind answers whole (it is short): the gateway filters it and pages it in memory,
// with the same cursors as any other list.
export function wholeListPager<T>(query: ListQuery, { load, where = {}, keyOf }: WholeList<T>): Pager<T> {
  const filters = Object.entries(where).filter(([, value]) => value !== undefined);
  const kept = (item: T): boolean => filters.every(([field, value]) => item[field as keyof T] === value);
  return new Pager(async (cursor, limit) => pageInMemory((await load()).filter(kept), keyOf, limit, cursor), query);
}
