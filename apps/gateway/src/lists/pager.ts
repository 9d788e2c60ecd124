import type { Page } from '@seatwise/shared/contracts/page';

// Page sizes of every list: what a client may ask for, and what a CSV export fetches at a time.
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

type FetchPage<T> = (cursor: string | undefined, limit: number) => Promise<Page<T>>;

// What a list handler returns: how to fetch a page, and which page the client asked for. The
// response interceptor answers one JSON page, or a CSV export that follows the pages.
export class Pager<T = unknown> {
  constructor(
    readonly fetch: FetchPage<T>,
    readonly start: { cursor?: string | undefined; limit: number; format?: 'json' | 'csv' | undefined },
  ) {}
}
