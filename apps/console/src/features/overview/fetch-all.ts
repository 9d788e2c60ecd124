import type { Page } from '../../api/types';

// The overview sums whole lists (every account's seats), so it follows the cursors to the end; the cap keeps
// a runaway list from looping forever (200 per page: 10,000 rows).
export async function fetchAllPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages = 50,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await fetchPage(cursor);
    items.push(...answer.items);
    if (answer.nextCursor === null) break;
    cursor = answer.nextCursor;
  }
  return items;
}
