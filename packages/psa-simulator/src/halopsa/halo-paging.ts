import { HaloError } from './halo-errors';

// Page size when `pageinate=true` comes without `page_size` (the simulator's choice; the fact sheet is silent).
export const DEFAULT_PAGE_SIZE = 50;

export interface HaloPage<T> {
  items: T[];
  // Present when the request asked for paging: echoed back beside record_count, as Halo's list answers do.
  paging: { page_no: number; page_size: number } | null;
}

function positiveInt(name: string, raw: string | null, fallback: number): number {
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw HaloError.badRequest(`${name} must be a positive integer.`);
  return Number(raw);
}

// Halo's paging (fact sheet 3.3): `pageinate=true&page_size=&page_no=` (page_no from 1); without `pageinate` a list
// answers every record. A page past the end is empty.
export function haloPage<T>(items: T[], query: URLSearchParams): HaloPage<T> {
  if ((query.get('pageinate') ?? '').toLowerCase() !== 'true') return { items, paging: null };
  const size = positiveInt('page_size', query.get('page_size'), DEFAULT_PAGE_SIZE);
  const number = positiveInt('page_no', query.get('page_no'), 1);
  return { items: items.slice((number - 1) * size, number * size), paging: { page_no: number, page_size: size } };
}

// The list envelope: {record_count (all matching records), <key>: [...]}, plus page_no/page_size when paged.
export function listEnvelope(key: string, all: unknown[], query: URLSearchParams): Record<string, unknown> {
  const page = haloPage(all, query);
  return { ...(page.paging ?? {}), record_count: all.length, [key]: page.items };
}
