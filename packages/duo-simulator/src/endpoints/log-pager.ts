import type { Timeline } from '../data/timeline';
import type { LogQuery } from './log-window';

export interface LogSource {
  timeline: Timeline;
  idOf: (i: number) => string;
  record: (i: number) => Record<string, unknown>;
}

export interface LogPage {
  records: Record<string, unknown>[];
  /** [ts ms, id] of the last record returned, or null for an empty page. */
  next: [number, string] | null;
  /** Nothing follows this page in the window (as of now). */
  reachedEnd: boolean;
  total: number;
}

/**
 * Index of the cursor's event: the one with the cursor's timestamp and id. A cursor naming no event (never
 * produced by Duo's clients) resumes after every event at that timestamp in the page direction.
 */
function cursorIndex(source: LogSource, cursor: { ts: number; id: string }, descending: boolean): number {
  const first = source.timeline.firstAtOrAfter(cursor.ts);
  const end = source.timeline.countAtOrBefore(cursor.ts);
  for (let i = first; i < end; i++) if (source.idOf(i) === cursor.id) return i;
  return descending ? first : end - 1;
}

/**
 * One page of a cursor-paged v2 log. The window is [mintime, min(maxtime, now − lag)] (Duo hides the newest two
 * minutes); a cursor means "strictly after this record" in the sort direction. The cursor is returned for every
 * non-empty page and null once a page is empty, so "page while next_offset is set" reaches the end exactly once.
 */
export function logPage(source: LogSource, query: LogQuery, visibleUntil: number): LogPage {
  const lo = source.timeline.firstAtOrAfter(query.mintime);
  const hi = Math.max(lo, source.timeline.countAtOrBefore(Math.min(query.maxtime, visibleUntil)));
  let from: number;
  let to: number;
  if (query.descending) {
    to = query.cursor ? Math.min(hi, Math.max(lo, cursorIndex(source, query.cursor, true))) : hi;
    from = Math.max(lo, to - query.limit);
  } else {
    from = query.cursor ? Math.max(lo, Math.min(hi, cursorIndex(source, query.cursor, false) + 1)) : lo;
    to = Math.min(hi, from + query.limit);
  }
  const indices: number[] = [];
  for (let i = from; i < to; i++) indices.push(i);
  if (query.descending) indices.reverse();
  const last = indices[indices.length - 1];
  return {
    records: indices.map((i) => source.record(i)),
    next: last === undefined ? null : [source.timeline.tsAt(last), source.idOf(last)],
    reachedEnd: query.descending ? from === lo : to === hi,
    total: hi - lo,
  };
}
