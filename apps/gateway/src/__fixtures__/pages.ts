import type { Http } from './http-client';

// Follows nextCursor from the first page to the last, asserting each page's size on the way.
export async function allItems<T>(http: Http, path: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  const join = path.includes('?') ? '&' : '?';
  for (let pages = 0; pages < 10_000; pages++) {
    const suffix: string = cursor === null ? '' : `&cursor=${cursor}`;
    const res = await http.get<{ items: T[]; nextCursor: string | null }>(`${path}${join}limit=${limit}${suffix}`);
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${res.text}`);
    if (res.body.items.length > limit) throw new Error(`${path}: page larger than ${limit}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (cursor === null) return items;
  }
  throw new Error(`${path}: no end after 10,000 pages`);
}
