import { CwError } from '../errors';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 1000;

export interface Page<T> {
  items: T[];
  link: string | undefined;
}

function positiveInt(name: string, raw: string | null, fallback: number): number {
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw CwError.badRequest(`${name} must be a positive integer`);
  return Number(raw);
}

function linkTo(url: URL, params: Record<string, string>, rel: string): string {
  const target = new URL(url);
  for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
  return `<${target.toString()}>; rel="${rel}"`;
}

// Navigable paging (page/pageSize, pageSize clamped at CW's hard 1000) with a Link header naming first/prev/next/
// last, or forward-only paging (header `pagination-type: forward-only`) where the next link carries
// pageId = the last id served and the server applies `id > pageId`. Items must already be in id order.
export function paginate<T extends { id: number }>(items: T[], url: URL, forwardOnly: boolean): Page<T> {
  const q = url.searchParams;
  const size = Math.min(positiveInt('pageSize', q.get('pageSize'), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  if (forwardOnly) {
    const after = q.has('pageId') ? positiveInt('pageId', q.get('pageId'), 0) : 0;
    const rest = items.filter((x) => x.id > after);
    const page = rest.slice(0, size);
    const last = page[page.length - 1];
    const more = rest.length > size && last !== undefined;
    return {
      items: page,
      link: more ? linkTo(url, { pageId: String(last.id), pageSize: String(size) }, 'next') : undefined,
    };
  }
  const number = positiveInt('page', q.get('page'), 1);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const links: string[] = [];
  const at = (page: number, rel: string): void => {
    links.push(linkTo(url, { page: String(page), pageSize: String(size) }, rel));
  };
  if (number > 1) {
    at(1, 'first');
    at(Math.min(number - 1, pages), 'prev');
  }
  if (number < pages) {
    at(number + 1, 'next');
    at(pages, 'last');
  }
  return {
    items: items.slice((number - 1) * size, number * size),
    link: links.length > 0 ? links.join(', ') : undefined,
  };
}
