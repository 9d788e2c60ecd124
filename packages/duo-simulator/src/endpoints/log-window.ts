import type { Params } from '../signing/canon';
import { badParam } from '../errors';
import { limitParam, single } from './params';

const DAY_MS = 86_400_000;
// UNCONFIRMED grace: a client computing mintime = now − 180 d a moment before sending must not be refused for the
// milliseconds in flight; five minutes covers that and normal clock skew.
const WINDOW_GRACE_MS = 5 * 60_000;

export interface LogQuery {
  mintime: number;
  maxtime: number;
  limit: number;
  descending: boolean;
  cursor: { ts: number; id: string } | undefined;
}

function msParam(params: Params, name: 'mintime' | 'maxtime'): number {
  const raw = single(params, name);
  if (raw === undefined) throw badParam(`'${name}' is required`);
  // Duo answers seconds (10 digits) with this exact detail; anything non-numeric gets it too.
  if (!/^\d{13}$/.test(raw)) throw badParam(`'${name}' must be a timestamp in milliseconds`);
  return Number(raw);
}

/**
 * next_offset arrives as one comma-joined string ("<ts>,<id>": docs, go, ruby, elastic) or as the key repeated
 * twice (python urlencode(doseq), duo_log_sync). Python signs the two values sorted, so order on the wire is not
 * trusted: the all-digits value is the timestamp.
 */
function cursorParam(params: Params): LogQuery['cursor'] {
  const values = params.get('next_offset');
  if (values === undefined) return undefined;
  const parts = values.length === 1 ? (values[0] ?? '').split(',') : values;
  const ts = parts.find((p) => /^\d{13}$/.test(p));
  const id = parts.find((p) => p !== ts);
  if (parts.length !== 2 || ts === undefined || id === undefined || id === '') {
    throw badParam("'next_offset' must be '<timestamp ms>,<id>'");
  }
  return { ts: Number(ts), id };
}

/** Parses and validates the v2 log query parameters (authentication and activity share them). */
export function parseLogQuery(params: Params, now: number): LogQuery {
  const mintime = msParam(params, 'mintime');
  const maxtime = msParam(params, 'maxtime');
  if (mintime < now - 180 * DAY_MS - WINDOW_GRACE_MS) throw badParam('mintime must be within the past 180 days');
  if (maxtime <= mintime) throw badParam("'maxtime' must be strictly greater than 'mintime'");
  const sort = single(params, 'sort') ?? 'ts:desc';
  if (sort !== 'ts:asc' && sort !== 'ts:desc') throw badParam("'sort' must be 'ts:asc' or 'ts:desc'");
  return {
    mintime,
    maxtime,
    limit: limitParam(params, 100, 1000),
    descending: sort === 'ts:desc',
    cursor: cursorParam(params),
  };
}
